package dev.pitwall.files;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One writer at a time on a file, across processes (an OS lock on a lock file next to it) and across the threads of
 * this process. The OS lock belongs to the whole JVM (a second lock of the same file from it fails rather than
 * waits), so the threads first take turns on a lock of their own, shared by every mutex on that lock file.
 */
final class FileMutex {

    /** Per lock file, for the whole process: two instances on one file must still take turns. */
    private static final ConcurrentMap<Path, ReentrantLock> IN_PROCESS = new ConcurrentHashMap<>();

    private final Path lockFile;
    private final ReentrantLock threads;

    FileMutex(Path lockFile) {
        this.lockFile = lockFile.toAbsolutePath().normalize();
        this.threads = IN_PROCESS.computeIfAbsent(this.lockFile, p -> new ReentrantLock());
    }

    interface Body<T> {
        T run() throws IOException;
    }

    /** Runs {@code body} holding the lock; waits for other holders. */
    <T> T hold(Body<T> body) throws IOException {
        threads.lock();
        try (FileChannel channel = PrivateFiles.openReadWrite(lockFile); FileLock ignored = channel.lock()) {
            return body.run();
        } finally {
            threads.unlock();
        }
    }
}
