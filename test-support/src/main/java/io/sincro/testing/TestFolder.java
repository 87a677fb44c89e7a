package io.sincro.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.sincro.db.testing.Templates;

/** A fixture's own temporary folder: made before a test, removed after it. */
final class TestFolder {

    private TestFolder() {
    }

    /** A new, empty folder in the system's temporary folder, its name starting with {@code prefix}. */
    static Path make(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary folder for a test fixture", e);
        }
    }

    static void remove(Path folder) {
        if (folder != null) {
            Templates.delete(folder);
        }
    }
}
