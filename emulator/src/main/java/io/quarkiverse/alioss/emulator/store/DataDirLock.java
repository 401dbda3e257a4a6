package io.quarkiverse.alioss.emulator.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive lock on a data directory for as long as an emulator uses it. Two emulators on one directory would
 * overwrite each other's records, and each start deletes the blob files its index does not name, which may be the
 * other one's newest bytes.
 */
final class DataDirLock {

    static final String FILE = ".lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws IllegalStateException when another emulator, in this JVM or another process, holds the directory */
    static DataDirLock acquire(Path dataDir) {
        Path file = dataDir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open " + file, e);
        }
        FileLock lock = null;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException | IOException e) {
            // held by this JVM, or locking failed: either way not ours
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("The data directory " + dataDir
                    + " is in use by another OSS emulator; give each emulator its own directory");
        }
        return new DataDirLock(channel, lock);
    }

    void release() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
