package io.sincro.format;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A package's file name: its stream and its sequence number in that stream, nine digits so names
 * sort in sequence order, and the extension {@code .sincro}: {@code A01_to_HQ_000000042.sincro},
 * {@code HQ_to_A01_000000007.sincro}, {@code HQ_catalog_000000019.sincro}.
 *
 * <p>The grammar is strict (capital agent codes, lower-case words, exactly nine digits), so no
 * temporary name (those never end in {@code .sincro}), no foreign file and nothing carrying a path
 * ({@code ..}, a slash, a control character) can be taken for a package.
 */
public record PackageName(PackageStream stream, long sequence) implements Comparable<PackageName> {

    public static final String EXTENSION = ".sincro";
    public static final long MAX_SEQUENCE = 999_999_999L;

    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9_]{1,20})_(\\d{9})\\.sincro");

    public PackageName {
        Objects.requireNonNull(stream, "stream");
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            throw new IllegalArgumentException("package sequence numbers run from 1 to " + MAX_SEQUENCE
                    + ", not " + sequence);
        }
    }

    /** Reads a file name; empty when it is not exactly a package name. */
    public static Optional<PackageName> parse(String fileName) {
        Matcher m = NAME.matcher(fileName == null ? "" : fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        long sequence = Long.parseLong(m.group(2));
        if (sequence < 1) {
            return Optional.empty();
        }
        return PackageStream.parse(m.group(1)).map(stream -> new PackageName(stream, sequence));
    }

    /** Whether a file name is a package name (the FTP mailbox uses this to tell final names). */
    public static boolean isPackageName(String fileName) {
        return parse(fileName).isPresent();
    }

    public String fileName() {
        return stream.id() + "_" + String.format("%09d", sequence) + EXTENSION;
    }

    /** The package's path in {@code folder}; by construction it cannot lead outside it. */
    public Path in(Path folder) {
        return folder.resolve(fileName());
    }

    @Override
    public int compareTo(PackageName other) {
        int byStream = stream.id().compareTo(other.stream.id());
        return byStream != 0 ? byStream : Long.compare(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return fileName();
    }
}
