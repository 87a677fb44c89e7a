package io.sincro.exchange;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Which names in a mailbox folder are finished packages, and how unfinished uploads are named.
 *
 * <p>An upload is written as {@code <final name>.part-<random>} and renamed to its final name
 * only once it is complete, so the other side never sees half a package. Temporary names never
 * count as packages, whatever rule the caller gives; neither do names that could not be used
 * safely on every server and file system (see {@link #isSafe}).
 */
public final class PackageNames {

    /** What marks a temporary upload; the random part keeps two attempts from colliding. */
    public static final String TEMPORARY_MARK = ".part-";

    private static final Pattern TEMPORARY = Pattern.compile(".*" + Pattern.quote(TEMPORARY_MARK) + "[0-9a-f]+");
    private static final String UNSAFE_CHARACTERS = "/\\:*?\"<>|";
    private static final int MAX_LENGTH = 200;

    private final Predicate<String> rule;
    private final String description;
    private final SecureRandom random = new SecureRandom();

    private PackageNames(Predicate<String> rule, String description) {
        this.rule = rule;
        this.description = description;
    }

    /** Packages are the names that end with one of these suffixes, for instance {@code ".sincro"}. */
    public static PackageNames endingWith(String... suffixes) {
        if (suffixes.length == 0) {
            throw new IllegalArgumentException("give at least one suffix");
        }
        String[] copy = suffixes.clone();
        return new PackageNames(name -> Arrays.stream(copy).anyMatch(name::endsWith),
                "names ending with " + String.join(" or ", copy));
    }

    /** Packages are the names that match this whole pattern. */
    public static PackageNames matching(Pattern pattern) {
        Objects.requireNonNull(pattern, "pattern");
        return new PackageNames(name -> pattern.matcher(name).matches(), "names matching " + pattern);
    }

    /** Whether {@code name} is a finished package the other side may collect. */
    public boolean isPackage(String name) {
        return isSafe(name) && !isTemporary(name) && rule.test(name);
    }

    /** A fresh temporary name for an upload that will end as {@code finalName}. */
    public String temporaryName(String finalName) {
        byte[] token = new byte[6];
        random.nextBytes(token);
        return finalName + TEMPORARY_MARK + HexFormat.of().formatHex(token);
    }

    /** Whether {@code name} is an unfinished upload (ours or the other side's). */
    public static boolean isTemporary(String name) {
        return TEMPORARY.matcher(name).matches();
    }

    /**
     * Whether a name can be used as a plain file name on every FTP server and file system, and
     * cannot lead outside its folder: not empty, not {@code .} or {@code ..}, no path separators,
     * wildcards, control characters, leading dash or surrounding spaces, at most 200 characters.
     */
    public static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.length() > MAX_LENGTH
                || name.equals(".") || name.equals("..")
                || name.startsWith("-") || !name.strip().equals(name)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || UNSAFE_CHARACTERS.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Throws unless {@code name} is safe and not temporary, so it can be given to an upload. */
    public static String requireFinalName(String name) {
        if (!isSafe(name) || isTemporary(name)) {
            throw new IllegalArgumentException("'" + name + "' cannot be a mailbox file name"
                    + " (no path separators, wildcards, control characters or " + TEMPORARY_MARK + " suffix)");
        }
        return name;
    }

    @Override
    public String toString() {
        return description;
    }
}
