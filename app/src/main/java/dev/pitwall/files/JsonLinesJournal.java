package dev.pitwall.files;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pitwall.ops.replay.JournalEntry;
import dev.pitwall.ops.replay.ReplayJournal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A replay journal as JSON Lines. Every line is written to the OS before {@link #append} returns, so a killed process
 * loses nothing; lines that decide what was sent are also forced to the disk (fsync), so a power loss or a closed
 * laptop does not either. Only the outcome lines of the follow-up skip the fsync: losing one means reading that run's
 * status again.
 */
public final class JsonLinesJournal implements ReplayJournal {

    private final Path file;
    private final ObjectMapper json = ReplayJson.mapper();
    private final List<String> problems = new ArrayList<>();
    private FileChannel channel;

    public JsonLinesJournal(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public synchronized void append(JournalEntry entry) {
        try {
            if (channel == null) {
                boolean cut = endsWithoutNewline();
                channel = PrivateFiles.openForAppend(file);
                if (cut) {
                    channel.write(ByteBuffer.wrap(new byte[]{'\n'}));
                }
            }
            ByteBuffer line = ByteBuffer.wrap((json.writeValueAsString(entry) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
            if (!(entry instanceof JournalEntry.Finished)) {
                channel.force(false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay journal " + file + ": " + e.getMessage(), e);
        }
    }

    /** A crash may have cut the last line: the next one must start on a line of its own. */
    private boolean endsWithoutNewline() throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return false;
        }
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(file.toFile(), "r")) {
            raf.seek(raf.length() - 1);
            return raf.read() != '\n';
        }
    }

    @Override
    public synchronized List<JournalEntry> readAll() {
        problems.clear();
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the replay journal " + file + ": " + e.getMessage(), e);
        }
        List<JournalEntry> entries = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            try {
                entries.add(json.readValue(line, JournalEntry.class));
            } catch (JsonProcessingException e) {
                if (isCutByACrash(lines, i)) {
                    problems.add("line " + (i + 1) + " of " + file + " was cut by a crash and is ignored");
                    continue;
                }
                throw new IllegalStateException("line " + (i + 1) + " of the replay journal " + file
                        + " is corrupt (" + e.getOriginalMessage() + "); refusing to resume from it, since guessing"
                        + " what was sent could run executions twice", e);
            }
        }
        return entries;
    }

    /** A cut line is the last one, or the one before a line that an append after the crash started fresh. */
    private boolean isCutByACrash(List<String> lines, int index) {
        for (int j = index + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return !lines.get(index).trim().endsWith("}");
            }
        }
        return true;
    }

    @Override
    public synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // closing after every line was forced or written: nothing left to lose
            }
            channel = null;
        }
    }
}
