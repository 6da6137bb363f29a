package dev.pitwall.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The audit log's head file: the hash of the last entry, the count, and with a key the seal of both
 * ({@code <hash> <count> [<seal>]}). It is what shows a log cut at its end, which no chain can show by itself.
 */
final class AuditHeadFile {

    /** Where an empty chain starts: the {@code prev} of the first entry. */
    static final String GENESIS = "0".repeat(64);

    private final Path file;

    AuditHeadFile(Path logFile) {
        this.file = logFile.resolveSibling(logFile.getFileName() + ".head");
    }

    /**
     * @param seal null when the head carries none
     */
    record Head(String hash, long count, String seal) {

        static final Head EMPTY = new Head(GENESIS, 0, null);

        boolean at(String endHash, long endCount) {
            return hash.equals(endHash) && count == endCount;
        }

        boolean sealedBy(AuditSeal by) {
            return seal != null && seal.equals(by.head(hash, count));
        }
    }

    boolean exists() {
        return Files.exists(file);
    }

    /** The head; empty when the file is missing or unreadable. */
    Optional<Head> read() {
        try {
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
            if (parts.length < 2 || parts.length > 3) {
                return Optional.empty();
            }
            return Optional.of(new Head(parts[0], Long.parseLong(parts[1]), parts.length == 3 ? parts[2] : null));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Replaces the head atomically; {@code beforeRename} runs once the new head is on disk under its temporary name. */
    void write(String hash, long count, AuditSeal seal, Runnable beforeRename) throws IOException {
        String sealed = seal.head(hash, count);
        PrivateFiles.writeAtomically(file, hash + " " + count + (sealed == null ? "" : " " + sealed) + "\n",
                beforeRename);
    }
}
