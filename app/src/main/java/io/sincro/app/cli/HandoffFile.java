package io.sincro.app.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

import io.sincro.app.failures.Failures;

/**
 * {@value #NAME} in the station's folder: where a running {@code sincro ui} takes the commands handed
 * to it ({@link UiHandoff}), the port on 127.0.0.1, the key made for this run, the ui's process and
 * the database it holds. Only its owner may read it (600 where the file system has POSIX
 * permissions); {@code sincro ui} removes it when it stops, and a command that finds the station free
 * removes one a killed ui left behind.
 */
public record HandoffFile(int port, String key, long pid, Path database) {

    public static final String NAME = "sincro-ui.handoff";

    private static final String PORT = "port";
    private static final String KEY = "key";
    private static final String PID = "pid";
    private static final String DATABASE = "database";
    private static final int PROBE_MILLIS = 5000;

    public HandoffFile {
        if (port < 1 || port > 65_535 || key == null || key.isBlank() || pid < 1 || database == null) {
            throw new IllegalArgumentException("a handoff needs a port, a key, a process and a database");
        }
        database = database.toAbsolutePath().normalize();
    }

    /** Everything but the key, which goes in no log line. */
    @Override
    public String toString() {
        return "sincro ui handoff on 127.0.0.1:" + port + " (process " + pid + ", database " + database + ")";
    }

    /** Where the running ui of the station in {@code folder} says how to reach it. */
    public static Path in(Path folder) {
        return folder.resolve(NAME);
    }

    /**
     * Writes this file into {@code folder}, readable by its owner only, whole or not at all (written
     * aside, then renamed over a stale one).
     *
     * @throws UncheckedIOException naming the file and why it could not be written
     */
    public void writeTo(Path folder) {
        Path file = in(folder);
        Path aside = null;
        try {
            aside = Files.createTempFile(folder, NAME, ".new", ownerOnly(folder));
            Properties values = new Properties();
            values.setProperty(PORT, Integer.toString(port));
            values.setProperty(KEY, key);
            values.setProperty(PID, Long.toString(pid));
            values.setProperty(DATABASE, database.toString());
            try (OutputStream out = Files.newOutputStream(aside)) {
                values.store(out, "sincro ui takes sincro sync and sincro status here while it runs; keep it private");
            }
            try {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(aside);
            throw new UncheckedIOException("could not write " + file + ", which lets sincro sync hand its work to"
                    + " this sincro ui: " + Failures.writeReason(e), e);
        }
    }

    /**
     * The file in {@code folder}; empty when there is none, or it cannot be read or is not one
     * Sincro wrote (then it is no way to a running ui either).
     */
    public static Optional<HandoffFile> readFrom(Path folder) {
        Path file = in(folder);
        Properties values = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            values.load(in);
            return Optional.of(new HandoffFile(Integer.parseInt(values.getProperty(PORT, "")),
                    values.getProperty(KEY), Long.parseLong(values.getProperty(PID, "")),
                    Path.of(values.getProperty(DATABASE, ""))));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Removes the file in {@code folder} when it is this one (a later ui's stays). */
    public void removeFrom(Path folder) {
        if (readFrom(folder).filter(this::equals).isPresent()) {
            delete(in(folder));
        }
    }

    /**
     * Removes a file left in {@code folder} by a ui of {@code database} that is gone (its process
     * ended, or its port does not answer), for a command that holds that database, so no ui runs
     * for it. A file of this process (a ui in the same program) stays, and so does one of another
     * database (settings of two stations in one folder): its ui may well be running.
     */
    public static void removeStale(Path folder, Path database) {
        Path held = database.toAbsolutePath().normalize();
        readFrom(folder).filter(file -> file.database().equals(held))
                .filter(file -> file.pid() != ProcessHandle.current().pid())
                .filter(file -> !file.answers())
                .ifPresent(stale -> delete(in(folder)));
    }

    /** Whether the ui this file names runs: its process lives and its port on 127.0.0.1 answers. */
    boolean answers() {
        if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), PROBE_MILLIS);
            return true;
        } catch (IOException notAnswering) {
            return false;
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (NoSuchFileException gone) {
            // removed meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + file + ": " + Failures.writeReason(e)
                    + "; remove it by hand, sincro ui is not running", e);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the failure being reported says what went wrong
            }
        }
    }

    private static FileAttribute<?>[] ownerOnly(Path folder) throws IOException {
        if (Files.getFileStore(folder).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }
}
