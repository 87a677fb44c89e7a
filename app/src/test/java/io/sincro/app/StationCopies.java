package io.sincro.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Copies of station folders. Loading the sample company and preparing a station takes seconds, so
 * a test class prepares its stations once and each test works on its own copy (a closed Derby
 * database is a plain folder).
 */
public final class StationCopies {

    private StationCopies() {
    }

    /** Copies the folder {@code from} to {@code to}, leaving the log files behind. */
    public static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (!file.getFileName().toString().equals("sincro.log")) {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
