package io.sincro.app.launch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a station needs to run on a laptop with only Java 17 installed: the application jar in
 * {@code app/} and its launchers, {@code sincro} (Linux, macOS) and {@code sincro.cmd} (Windows),
 * which run the station's commands with its settings from any folder and use a class-data archive
 * made at their first run, and {@code sincro-app} / {@code sincro-app.cmd}, which open its web app
 * ({@code sincro ui}).
 */
public final class StationLaunchers {

    public static final String APP_FOLDER = "app";
    public static final String JAR = "sincro.jar";
    /** The launchers, each a resource of this package under the same name. */
    public static final List<String> LAUNCHERS = List.of("sincro", "sincro.cmd", "sincro-app", "sincro-app.cmd");

    private final Optional<Path> jar;

    /** @param jar the application jar to copy into stations; empty when there is none (see {@link #runningJar}) */
    public StationLaunchers(Optional<Path> jar) {
        this.jar = jar;
    }

    /**
     * The jar this program runs from: the class's code source, when that is a file (the one
     * runnable jar); empty when it runs from a build's classes, as in the tests.
     */
    public static Optional<Path> runningJar() {
        CodeSource source = StationLaunchers.class.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(location) ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Whether there is a jar to put in stations. */
    public boolean hasJar() {
        return jar.isPresent();
    }

    /** Writes the jar (when there is one) and the launchers into {@code station}; returns what it wrote. */
    public List<Path> installIn(Path station) throws IOException {
        List<Path> written = new ArrayList<>();
        if (jar.isPresent()) {
            Path app = Files.createDirectories(station.resolve(APP_FOLDER));
            Path copy = app.resolve(JAR);
            Files.copy(jar.get(), copy, StandardCopyOption.REPLACE_EXISTING);
            written.add(copy);
        }
        for (String name : LAUNCHERS) {
            Path launcher = station.resolve(name);
            try (InputStream in = StationLaunchers.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IOException("the launcher " + name + " is missing from this build of Sincro; build it"
                            + " again (mvn package)");
                }
                if (name.endsWith(".cmd")) {
                    // cmd.exe finds a goto's label reliably only in CR LF lines
                    String text = new String(in.readAllBytes(), StandardCharsets.US_ASCII).replaceAll("\r?\n", "\r\n");
                    Files.writeString(launcher, text, StandardCharsets.US_ASCII);
                } else {
                    Files.copy(in, launcher, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!name.endsWith(".cmd") && Files.getFileStore(launcher).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            written.add(launcher);
        }
        return written;
    }
}
