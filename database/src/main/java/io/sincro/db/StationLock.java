package io.sincro.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * One command at a time on a station: whoever opens its database holds {@code sincro.lock} in the
 * database's folder until it closes the database, and writes there which command it is and since
 * when, so a second command can say so in one sentence instead of Derby's boot error.
 *
 * <p>The lock is the operating system's, so a process that dies releases it; what the file says is
 * only read when the lock is taken. It is one byte far beyond the text, so the text stays readable
 * where locks are mandatory. Within one process Derby shares a booted database, and so does the lock:
 * a second open in the same process holds nothing of its own.
 */
final class StationLock implements AutoCloseable {

    static final String FILE = "sincro.lock";

    private static final long LOCKED_BYTE = Long.MAX_VALUE - 1;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final FileChannel channel;
    private final FileLock lock;

    private StationLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock of the database in {@code directory} for {@code command} ("sincro sync"), or
     * throws {@link StationBusyException} naming the command that holds it.
     */
    static StationLock acquire(Path directory, String command, Clock clock) {
        Path file = directory.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(LOCKED_BYTE, 1, false);
            } catch (OverlappingFileLockException sameProcess) {
                channel.close();
                return new StationLock(null, null);
            }
            if (lock == null) {
                String holder = holder(channel, clock);
                channel.close();
                throw new StationBusyException(holder, holder + "; try again when it ends (the station's database is "
                        + directory + ")");
            }
            channel.truncate(0);
            String text = command.replaceAll("\\p{Cntrl}", " ") + "\n" + clock.instant() + "\n" + ProcessHandle.current().pid() + "\n";
            channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), 0);
            return new StationLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel, e);
            throw new DatabaseException("could not take the lock " + file + " that keeps a second command off this"
                    + " station: " + e.getMessage() + "; check that the folder is writable", e);
        }
    }

    /** "sincro sync has held this station since 2026-03-02 08:00:00 (process 4711)" */
    private static String holder(FileChannel channel, Clock clock) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(1024);
        channel.read(buffer, 0);
        String[] lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n");
        if (lines.length < 3 || lines[0].isBlank()) {
            return "another Sincro command holds this station";
        }
        String since;
        try {
            since = SHOWN.format(LocalDateTime.ofInstant(Instant.parse(lines[1]), clock.getZone()));
        } catch (DateTimeParseException e) {
            since = lines[1];
        }
        return lines[0] + " has held this station since " + since + " (process " + lines[2] + ")";
    }

    @Override
    public void close() {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new DatabaseException("could not release the station's lock: " + e.getMessage()
                    + "; it goes when this process ends", e);
        }
    }

    private static void closeQuietly(FileChannel channel, IOException failure) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
        }
    }
}
