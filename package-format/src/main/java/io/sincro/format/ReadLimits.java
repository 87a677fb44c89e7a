package io.sincro.format;

/**
 * Caps on what reading one package may cost, checked while reading so a hostile or broken package
 * (a zip bomb, a header claiming billions of rows) is refused before it costs more.
 *
 * @param maxFileBytes    the package file's size on disk
 * @param maxContentBytes the decompressed XML
 * @param maxElements     XML elements in the document (rows, order lines, text fields)
 */
public record ReadLimits(long maxFileBytes, long maxContentBytes, long maxElements) {

    /**
     * Generous for a real company (a catalog of a million price rows is about 100 MB of XML and 2
     * million elements) and far below what would hurt a laptop.
     */
    public static ReadLimits standard() {
        return new ReadLimits(512L << 20, 2L << 30, 50_000_000L);
    }

    public ReadLimits {
        if (maxFileBytes < 1 || maxContentBytes < 1 || maxElements < 1) {
            throw new IllegalArgumentException("read limits are positive: " + maxFileBytes + " file bytes, "
                    + maxContentBytes + " content bytes, " + maxElements + " elements");
        }
    }
}
