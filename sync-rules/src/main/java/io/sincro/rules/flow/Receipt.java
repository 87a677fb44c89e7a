package io.sincro.rules.flow;

import java.util.List;
import java.util.Optional;

import io.sincro.format.Entity;
import io.sincro.rules.conflicts.PriceConflict;

/**
 * What importing a package's rows did: per section, how many rows were inserted, updated, left,
 * deleted, ignored or lost a conflict; the conflicts decided; the customers that arrived with
 * different data; and notes on rows set aside.
 */
public record Receipt(List<EntityTally> tallies, List<PriceConflict> conflicts, List<CustomerDifference> differences,
                      List<Note> notes) {

    public Receipt {
        tallies = List.copyOf(tallies);
        conflicts = List.copyOf(conflicts);
        differences = List.copyOf(differences);
        notes = List.copyOf(notes);
    }

    public Optional<EntityTally> tally(Entity entity) {
        return tallies.stream().filter(t -> t.entity() == entity).findFirst();
    }

    /** Whether importing changed anything. */
    public boolean changedAnything() {
        return tallies.stream().anyMatch(t -> t.inserted() + t.updated() + t.deleted() > 0) || !conflicts.isEmpty();
    }
}
