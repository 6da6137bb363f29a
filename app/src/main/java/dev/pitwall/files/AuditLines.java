package dev.pitwall.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit log file as lines. A line is whole once its newline is written; text after the last newline is an append
 * that a crash cut off (or damage), never an entry.
 */
final class AuditLines {

    private static final int FIRST_WINDOW = 8192;

    private AuditLines() {
    }

    /**
     * The whole lines (blank ones left out), and the cut-off rest.
     *
     * @param wholeLength bytes up to and including the last newline
     */
    record Whole(List<String> lines, long wholeLength, boolean cut) {
    }

    /** The last whole non-blank line (null when there is none), and the cut-off rest. */
    record Tail(String last, long wholeLength, boolean cut) {
    }

    static Whole read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Whole(List.of(), 0, false);
        }
        byte[] bytes = Files.readAllBytes(file);
        int lastNewline = lastNewline(bytes, bytes.length - 1);
        List<String> lines = new ArrayList<>();
        for (String line : new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                lines.add(line);
            }
        }
        return new Whole(lines, lastNewline + 1, lastNewline + 1 < bytes.length);
    }

    /** Reads backwards from the end only as far as the last whole line: an append costs the same at any length. */
    static Tail tail(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new Tail(null, 0, false);
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            for (long window = FIRST_WINDOW; ; window *= 2) {
                long start = Math.max(0, size - window);
                byte[] bytes = readFrom(channel, start, (int) (size - start));
                int end = lastNewline(bytes, bytes.length - 1);
                if (end < 0 && start > 0) {
                    continue;
                }
                long wholeLength = start + end + 1;
                boolean cut = wholeLength < size;
                while (end >= 0) {
                    int begin = lastNewline(bytes, end - 1);
                    if (begin < 0 && start > 0) {
                        break; // the line may begin before this window
                    }
                    String line = new String(bytes, begin + 1, end - begin - 1, StandardCharsets.UTF_8);
                    if (!line.isBlank()) {
                        return new Tail(line, wholeLength, cut);
                    }
                    end = begin;
                }
                if (start == 0) {
                    return new Tail(null, wholeLength, cut);
                }
            }
        }
    }

    /** Cuts the file back to {@code length} bytes, on disk before this returns. */
    static void truncate(Path file, long length) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(length);
            channel.force(true);
        }
    }

    private static byte[] readFrom(FileChannel channel, long start, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
            // read until the window is full
        }
        return buffer.array();
    }

    private static int lastNewline(byte[] bytes, int from) {
        for (int i = from; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
