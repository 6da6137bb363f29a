package dev.pitwall.files;

import dev.pitwall.ops.guard.Lock;
import dev.pitwall.ops.guard.LocalLocks;
import dev.pitwall.ops.guard.WriteRefused;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;

/**
 * Local locks as OS file locks on {@code <state>/locks/<key>.lock} (0600, in 0700 directories): held by another Pitwall process, or by another
 * operation of this one, the lock is refused. The OS lets go of a dead process's lock, so a crash leaves nothing
 * to clean up; the files themselves stay (deleting a lock file under a waiting process would let two in).
 */
public final class FileLocks implements LocalLocks {

    private final Path dir;

    public FileLocks(Path stateDir) {
        this.dir = stateDir.resolve("locks");
    }

    /** The file that backs {@code key}: each path segment made safe for a file name. */
    Path file(String key) {
        Path file = dir;
        for (String segment : key.split("/")) {
            String safe = segment.replaceAll("[^A-Za-z0-9._-]+", "-");
            if (!safe.isEmpty() && !safe.equals(".") && !safe.equals("..")) {
                file = file.resolve(safe);
            }
        }
        return file.resolveSibling(file.getFileName() + ".lock");
    }

    @Override
    public Lock.Held lock(String key, String what) {
        Path file = file(key);
        FileChannel channel = null;
        try {
            channel = PrivateFiles.openReadWrite(file);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw busy(what, file);
            }
            FileChannel open = channel;
            return () -> {
                try {
                    lock.release();
                    open.close();
                } catch (IOException e) {
                    // the channel is closing anyway: the OS lets the lock go with it
                }
            };
        } catch (OverlappingFileLockException e) {
            close(channel);
            throw busy(what, file);
        } catch (IOException e) {
            close(channel);
            throw new UncheckedIOException("cannot take the lock " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close(channel);
            throw e;
        }
    }

    private static WriteRefused busy(String what, Path file) {
        return new WriteRefused(what + " is being changed by another Pitwall operation (lock " + file + ")");
    }

    private static void close(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing was locked through it
            }
        }
    }
}
