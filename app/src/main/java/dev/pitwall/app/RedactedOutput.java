package dev.pitwall.app;

import dev.pitwall.ops.connect.Redaction;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * What the command line prints, passed line by line through {@link Redaction#text}: whatever a command or a library
 * put into a message, a URL's password or a secret variable's value does not reach the terminal or a script's log.
 */
final class RedactedOutput extends OutputStream {

    private final PrintStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private RedactedOutput(PrintStream target) {
        this.target = target;
    }

    /** Not auto-flushing: a line is judged whole, so that a URL printed in pieces is still recognised. */
    static PrintStream wrap(PrintStream target) {
        return new PrintStream(new RedactedOutput(target), false, StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void write(int b) {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            write(bytes[i]);
        }
    }

    @Override
    public synchronized void flush() {
        emit();
        target.flush();
    }

    private void emit() {
        if (line.size() > 0) {
            target.print(Redaction.text(line.toString(StandardCharsets.UTF_8)));
            line.reset();
        }
    }
}
