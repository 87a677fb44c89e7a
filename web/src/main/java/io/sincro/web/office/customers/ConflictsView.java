package io.sincro.web.office.customers;

import java.util.List;

import io.sincro.rules.conflicts.PriceConflict;

/** The special-price conflicts the head office decided, newest first. */
public record ConflictsView(List<PriceConflict> conflicts) {

    public ConflictsView {
        conflicts = List.copyOf(conflicts);
    }
}
