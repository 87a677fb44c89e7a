package io.sincro.db.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The sample company's back-end files, {@code scripts/sample}: the ones the demo loads and many
 * tests start from, found from any folder of the checkout.
 */
public final class SampleFiles {

    private SampleFiles() {
    }

    /** The folder {@code scripts/sample}. */
    public static Path folder() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path sample = dir.resolve("scripts").resolve("sample");
            if (Files.isDirectory(sample)) {
                return sample;
            }
        }
        throw new IllegalStateException("scripts/sample not found above " + Path.of("").toAbsolutePath());
    }

    /** The file of one kind, such as {@code price-lists}: {@code scripts/sample/price-lists.csv}. */
    public static Path csv(String kind) {
        return folder().resolve(kind + ".csv");
    }
}
