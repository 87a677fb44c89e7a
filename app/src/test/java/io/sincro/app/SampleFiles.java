package io.sincro.app;

import java.nio.file.Files;
import java.nio.file.Path;

/** The sample company's CSV files under scripts/sample, the ones the demo loads. */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** The file of one kind, such as {@code price-lists}, found from any folder of the checkout. */
    public static Path csv(String kind) {
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path file = d.resolve("scripts/sample/" + kind + ".csv");
            if (Files.exists(file)) {
                return file;
            }
        }
        throw new IllegalStateException("scripts/sample/" + kind + ".csv not found above " + Path.of("").toAbsolutePath());
    }
}
