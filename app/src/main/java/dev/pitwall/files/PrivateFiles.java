package dev.pitwall.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files and directories only their owner can read: 0600 and 0700 where the file system knows POSIX modes. What
 * Pitwall keeps (audit log, journals, plans, profiles) says who did what to which cluster, so other local users have
 * no business reading it. Directories that exist already keep their mode: they may be the user's own.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<?>[] FILE = POSIX
            ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
            : new FileAttribute<?>[0];
    private static final FileAttribute<?>[] DIRECTORY = POSIX
            ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))}
            : new FileAttribute<?>[0];

    private PrivateFiles() {
    }

    /** Creates {@code dir} and its missing parents as 0700; nothing when it exists. */
    public static Path directories(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            Files.createDirectories(absolute, DIRECTORY);
        }
        return absolute;
    }

    /** The parent directory of {@code file}, created as 0700 when missing. */
    public static Path parentOf(Path file) throws IOException {
        return directories(file.toAbsolutePath().getParent());
    }

    /** Opens {@code file} for appending, creating it as 0600 (and its directory as 0700). */
    public static FileChannel openForAppend(Path file) throws IOException {
        parentOf(file);
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND), FILE);
    }

    /** Opens {@code file} for reading and writing, creating it as 0600 (a lock file, say). */
    public static FileChannel openReadWrite(Path file) throws IOException {
        parentOf(file);
        return FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), FILE);
    }

    /**
     * Replaces {@code file} with {@code text} so that a crash leaves the old content or the new, never a mix: a 0600
     * temporary file next to it is written and forced to the disk, renamed over it, and the rename forced too.
     */
    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, text, () -> { });
    }

    /** As {@link #writeAtomically(Path, String)}, calling {@code beforeRename} once the new content is on disk. */
    static void writeAtomically(Path file, String text, Runnable beforeRename) throws IOException {
        Path dir = parentOf(file);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp", FILE);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            beforeRename.run();
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Forces a directory's entries (a rename, a new file) to the disk, where the platform can. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory as a channel; NTFS journals renames itself
        }
    }
}
