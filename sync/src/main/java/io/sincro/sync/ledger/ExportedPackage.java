package io.sincro.sync.ledger;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;

/**
 * A package this station wrote, from its writing to its leaving the mailbox: the outbound queue is
 * these rows (seed 004: each item shows its attempts and the last response, so a failure is
 * visible and retried, not lost). A package is written once and sent until it is there; it is never
 * rebuilt under a new number.
 *
 * @param basedOn     for a delta, the package of the stream it follows (0: from the beginning)
 * @param changeMark  the station's change number when it was written: a later delta based on it
 *                    holds the changes above
 * @param rows        rows and deletions it carries; 0 for a package that only acknowledges
 * @param attempts    uploads tried so far
 * @param lastError   why the last attempt failed; empty once one succeeded
 * @param uploadedAt  when it reached the mailbox; empty while it waits
 */
public record ExportedPackage(PackageName name, PackageKind kind, long basedOn, long changeMark, long bytes,
                              String sha256, Instant writtenAt, long rows, int attempts,
                              Optional<Instant> lastAttemptAt, Optional<String> lastError,
                              Optional<Instant> uploadedAt) {

    public ExportedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
    }

    /** A package just written: never tried, waiting to be sent. */
    public static ExportedPackage written(PackageName name, PackageKind kind, long basedOn, long changeMark,
                                          long bytes, String sha256, Instant writtenAt, long rows) {
        return new ExportedPackage(name, kind, basedOn, changeMark, bytes, sha256, writtenAt, rows, 0,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    public boolean isUploaded() {
        return uploadedAt.isPresent();
    }

    /**
     * Whether it carries acknowledgements and nothing else: the next package says more, so it is
     * never sent again nor kept. A full package is never that, even empty: its reader starts from it.
     */
    public boolean onlyAcknowledges() {
        return kind == PackageKind.DELTA && rows == 0;
    }
}
