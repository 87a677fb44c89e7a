package io.sincro.app.doctor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.sincro.app.cli.LogFiles;
import io.sincro.app.failures.Failures;

/**
 * The zip a salesman e-mails to the head office: the checks, {@code sincro status}, the last lines
 * of the station's log and its settings with the value of every key that names a password, secret,
 * key or token removed. Written beside its target and moved into place, so a half-written bundle is
 * never left under its name.
 */
final class Bundle {

    static final int LOG_LINES = 500;
    static final String REMOVED = "(removed)";
    private static final List<String> SECRET_WORDS = List.of("password", "passphrase", "secret", "key", "token",
            "credential");

    private final Path settingsFile;
    private final Clock clock;

    Bundle(Path settingsFile, Clock clock) {
        this.settingsFile = settingsFile;
        this.clock = clock;
    }

    void write(Path file, List<Check> checks, String status) {
        Path temporary = file.resolveSibling("." + file.getFileName() + ".part");
        try {
            try (OutputStream stream = Files.newOutputStream(temporary); ZipOutputStream zip = new ZipOutputStream(stream)) {
                StringBuilder lines = new StringBuilder("sincro doctor, " + clock.instant() + "\n");
                checks.forEach(c -> lines.append(c).append('\n'));
                entry(zip, "doctor.txt", lines.toString());
                entry(zip, "status.txt", status);
                entry(zip, "sincro.log", logTail(settingsFile.toAbsolutePath().getParent().resolve(LogFiles.FILE)));
                entry(zip, "sincro.properties", settingsWithoutSecrets());
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException(new IOException("could not write the bundle " + file + ": "
                    + Failures.writeReason(e), e));
        }
    }

    /** Every key that names a secret has its value removed; comments are left out, as they may quote one. */
    private String settingsWithoutSecrets() {
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(settingsFile, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return "# " + settingsFile + " could not be read: " + (e instanceof IOException io ? Failures.reason(io)
                    : e.getMessage()) + "\n";
        }
        StringBuilder text = new StringBuilder("# " + settingsFile + ", every password and key removed\n");
        for (String key : new TreeSet<>(values.stringPropertyNames())) {
            String lower = key.toLowerCase(Locale.ROOT);
            boolean secret = SECRET_WORDS.stream().anyMatch(lower::contains);
            text.append(key).append('=').append(secret ? REMOVED : values.getProperty(key)).append('\n');
        }
        return text.toString();
    }

    /** The last {@value #LOG_LINES} lines, read as a stream: a log can be large. */
    private static String logTail(Path log) {
        Deque<String> last = new ArrayDeque<>();
        try (BufferedReader reader = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (last.size() == LOG_LINES) {
                    last.removeFirst();
                }
                last.addLast(line);
            }
        } catch (NoSuchFileException e) {
            return "(" + log + " does not exist yet)\n";
        } catch (IOException e) {
            return "(" + log + " could not be read: " + Failures.reason(e) + ")\n";
        }
        return String.join("\n", last) + "\n";
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
