package io.sincro.sync;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.sincro.format.Acknowledgement;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.rules.flow.Receipt;

/**
 * What importing one package did.
 *
 * @param outcome          imported now, or skipped because it (or a later full package) already was
 * @param receipt          per section what was inserted, updated, deleted, ignored; conflicts;
 *                         customers that arrived with different data (empty when skipped)
 * @param clockDifference  this station's clock at import minus the sender's when it wrote the
 *                         package: positive includes the time it waited in the mailbox; a negative
 *                         figure means the sender's clock is ahead by at least that much
 * @param acknowledgements what the sender says it has imported from this station
 */
public record ImportReport(PackageName name, PackageHeader header, Outcome outcome, Receipt receipt,
                           Duration clockDifference, List<Acknowledgement> acknowledgements) {

    public enum Outcome {
        /** Imported now, in the caller's transaction, with its identity. */
        IMPORTED,
        /** Imported before: nothing changed; it can leave the mailbox. */
        ALREADY_IMPORTED,
        /** Never imported, but a later full (or later based) package already carried its content. */
        SUPERSEDED
    }

    public ImportReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(receipt, "receipt");
        acknowledgements = List.copyOf(acknowledgements);
    }
}
