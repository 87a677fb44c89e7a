package io.sincro.sync.ledger;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import io.sincro.format.PackageName;

/**
 * A package this station imported (its identity, written in the same transaction as its rows, is
 * what makes every package count exactly once).
 *
 * @param kind            FULL or DELTA
 * @param rows            rows and deletions it carried (0: it only acknowledged)
 * @param senderClock     the sender's clock when it wrote the package
 * @param clockDifference this station's clock at import minus the sender's at writing
 * @param senderEpoch     the identity of the sender's database (format version 3), empty when the
 *                        package did not say it
 */
public record ImportedPackage(PackageName name, String kind, String viaFile, String sha256, Instant senderClock,
                              Duration clockDifference, Instant importedAt, long rows, Optional<String> senderEpoch) {

    public ImportedPackage {
        Objects.requireNonNull(senderEpoch, "senderEpoch");
    }
}
