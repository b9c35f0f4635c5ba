package io.auditwarehouse.sinks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The embedded warehouse's writer lock: an OS lock ({@link FileChannel#tryLock}) on {@code <warehouse>/.writer.lock},
 * whose content names the holder. The OS drops the lock when the holding process ends, however it ends, so a file
 * left behind without a lock is harmless and never needs deleting. The file is never replaced or deleted: a new file
 * would be a second lock.
 */
public final class FileWarehouseLock implements WarehouseLock {

    public static final String FILE_NAME = ".writer.lock";
    /** How often a waiter tries again: the OS lock call that blocks cannot be given a time limit. */
    private static final long POLL_MILLIS = 100;
    /** An OS file lock belongs to the whole process: its threads (the scheduler's) queue here first. */
    private static final Map<Path, Semaphore> IN_THIS_PROCESS = new ConcurrentHashMap<>();

    private final Path file;
    private final Duration wait;

    public FileWarehouseLock(Path warehouseDir, Duration wait) {
        this.file = warehouseDir.resolve(FILE_NAME).toAbsolutePath().normalize();
        this.wait = wait;
    }

    public Path file() {
        return file;
    }

    @Override
    public Held acquire(String what, Consumer<String> waiting) {
        long deadline = System.nanoTime() + wait.toNanos();
        Semaphore local = IN_THIS_PROCESS.computeIfAbsent(file, f -> new Semaphore(1, true));
        boolean toldWaiting = false;
        try {
            if (!local.tryAcquire()) {
                toldWaiting = tellWaiting(waiting);
                if (!local.tryAcquire(remaining(deadline), TimeUnit.NANOSECONDS)) throw busy();
            }
            FileChannel channel = null;
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock();
                while (lock == null) {
                    if (!toldWaiting) toldWaiting = tellWaiting(waiting);
                    long left = remaining(deadline);
                    if (left <= 0) throw busy();
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(POLL_MILLIS)));
                    lock = channel.tryLock();
                }
                write(channel, LockHolder.current(what).toText());
                return new FileHeld(channel, lock, local);
            } catch (IOException | RuntimeException | InterruptedException e) {
                closeQuietly(channel);
                local.release();
                throw e;
            }
        } catch (IOException e) {
            throw new WriteFailedException("locking the warehouse with " + file + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new WriteFailedException("interrupted while waiting for the warehouse lock " + file, e);
        }
    }

    /** The holder the lock file names, or null (no file, or caught while a new holder writes it). */
    public LockHolder holder() {
        try {
            return LockHolder.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) { // no such file yet, or unreadable: the message then names no holder
            return null;
        }
    }

    private boolean tellWaiting(Consumer<String> waiting) {
        LockHolder h = holder();
        waiting.accept("the warehouse " + file.getParent() + " is locked by " + (h == null ? "another process" : h.describe())
                + ": waiting up to " + LockHolder.format(wait) + " (warehouse.lock_wait)");
        return true;
    }

    private WarehouseBusyException busy() {
        return new WarehouseBusyException(file.getParent().toString(), holder(), wait);
    }

    private static long remaining(long deadline) {
        return deadline - System.nanoTime();
    }

    /** Rewritten in place (never replaced by a rename: the lock is on this file). */
    private static void write(FileChannel channel, String text) throws IOException {
        channel.truncate(0);
        ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
        while (bytes.hasRemaining()) channel.write(bytes, bytes.position());
        channel.force(false);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) return;
        try {
            channel.close();
        } catch (IOException ignored) {
            // closing releases any lock; nothing else to undo
        }
    }

    private final class FileHeld implements Held {
        private final FileChannel channel;
        private final FileLock lock;
        private final Semaphore local;
        private boolean closed;

        FileHeld(FileChannel channel, FileLock lock, Semaphore local) {
            this.channel = channel;
            this.lock = lock;
            this.local = local;
        }

        @Override
        public void confirm() {
            if (closed || !lock.isValid()) throw new WriteFailedException("the warehouse lock " + file + " is no longer held", null);
        }

        @Override
        public synchronized void close() {
            if (closed) return;
            closed = true;
            try {
                // emptied while still held: once released, the file may already name the next holder
                channel.truncate(0);
                lock.release();
            } catch (IOException ignored) {
                // the close below releases the lock in any case
            } finally {
                closeQuietly(channel);
                local.release();
            }
        }
    }
}
