package io.sincro.format;

/**
 * A package that cannot be imported. The message names the package and says what was wrong and
 * what to do; {@link #reason()} lets the caller decide where the file goes (a damaged or foreign
 * package is set aside for diagnosis; a package that arrived before a missing one waits).
 * Nothing of a refused package reaches the database.
 */
public final class PackageRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a package was refused. */
    public enum Reason {
        /**
         * It fails authentication: not encrypted or signed with the key its stream needs, under a
         * replaced key, or changed since. It consumes nothing: its number stays free for the genuine
         * package.
         */
        FORGED,
        /** Not a Sincro package at all: a foreign file, an unknown name, an unexpected zip entry. */
        NOT_A_PACKAGE,
        /** A genuine package, but for another station or stream than the one reading it. */
        NOT_FOR_THIS_STATION,
        /** The file ends early: cut during a transfer. */
        TRUNCATED,
        /** The content does not match its seal (size or SHA-256): damaged or tampered with. */
        SEAL_MISMATCH,
        /** Written in a format version this build does not read. */
        UNSUPPORTED_VERSION,
        /** The XML declares a DOCTYPE or entities, which could read files or expand without limit. */
        UNSAFE_XML,
        /** The XML is not well formed, does not follow the schema, or contradicts its own header. */
        MALFORMED,
        /** Larger than the caps on file size, decompressed size or row counts. */
        TOO_LARGE,
        /** A package of the stream before it has not been imported yet: it must wait, not be skipped. */
        OUT_OF_SEQUENCE,
        /** It carries something the flow rules do not let its sender send. */
        RULE_VIOLATED,
        /**
         * It refers to rows another stream brings and this station does not have yet (an agent's
         * customers before the catalog with their price list): it must wait, not be set aside.
         */
        MISSING_REFERENCE
    }

    private final Reason reason;

    public PackageRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public PackageRefusedException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Whether the package is fine but early: it can be imported once the packages before it, or the
     * ones it refers to, are.
     */
    public boolean mustWait() {
        return reason == Reason.OUT_OF_SEQUENCE || reason == Reason.MISSING_REFERENCE;
    }
}
