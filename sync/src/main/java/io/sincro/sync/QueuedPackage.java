package io.sincro.sync;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;

/**
 * A package this station wrote, as the outbound queue sees it (seed 004: each item shows its
 * attempts and the last response, so a failure is visible and retried, not lost).
 *
 * @param rows        rows and deletions it carries; 0 for a package that only acknowledges
 * @param attempts    uploads tried so far
 * @param lastError   why the last attempt failed; empty once it succeeded
 * @param uploadedAt  when it reached the mailbox; empty while it waits
 */
public record QueuedPackage(PackageName name, PackageKind kind, long rows, long bytes, Instant writtenAt, int attempts,
                            Optional<Instant> lastAttemptAt, Optional<String> lastError, Optional<Instant> uploadedAt) {

    public QueuedPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(writtenAt, "writtenAt");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(uploadedAt, "uploadedAt");
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
