package io.sincro.format;

/** Whether a package is a whole snapshot of what its stream carries, or the changes since a package. */
public enum PackageKind {
    /** Everything the stream carries for its recipient, deletions included. */
    FULL,
    /** What changed after the package the header names in {@code basedOn}. */
    DELTA
}
