package io.sincro.rules.flow;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.sincro.db.Change;
import io.sincro.format.Entity;
import io.sincro.rules.conflicts.PriceConflict;

/** Counts what an import does as it goes; becomes the {@link Receipt}. */
final class Tallies {

    private static final int INSERTED = 0;
    private static final int UPDATED = 1;
    private static final int UNCHANGED = 2;
    private static final int DELETED = 3;
    private static final int IGNORED = 4;
    private static final int CONFLICTS = 5;

    private final Map<Entity, long[]> counts = new EnumMap<>(Entity.class);
    private final List<PriceConflict> conflicts = new ArrayList<>();
    private final List<CustomerDifference> differences = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    void count(Entity entity, Change change) {
        add(entity, switch (change) {
            case INSERTED -> INSERTED;
            case UPDATED -> UPDATED;
            case UNCHANGED -> UNCHANGED;
        });
    }

    /** {@code rows} rows of {@code entity} inserted at once. */
    void inserted(Entity entity, long rows) {
        counts.computeIfAbsent(entity, e -> new long[6])[INSERTED] += rows;
    }

    void deleted(Entity entity) {
        add(entity, DELETED);
    }

    void unchanged(Entity entity) {
        add(entity, UNCHANGED);
    }

    void ignored(Entity entity, String key, String why) {
        add(entity, IGNORED);
        notes.add(new Note(entity, key, why));
    }

    void note(Entity entity, String key, String text) {
        notes.add(new Note(entity, key, text));
    }

    /** A conflict this import decided; counted against the section when the arriving row lost. */
    void conflict(Entity entity, PriceConflict conflict, boolean arrivingLost) {
        if (arrivingLost) {
            add(entity, CONFLICTS);
        }
        conflicts.add(conflict);
    }

    void difference(Entity entity, CustomerDifference difference) {
        add(entity, IGNORED);
        differences.add(difference);
    }

    private void add(Entity entity, int which) {
        counts.computeIfAbsent(entity, e -> new long[6])[which]++;
    }

    Receipt receipt() {
        List<EntityTally> tallies = new ArrayList<>();
        counts.forEach((e, n) -> tallies.add(new EntityTally(e, n[INSERTED], n[UPDATED], n[UNCHANGED], n[DELETED],
                n[IGNORED], n[CONFLICTS])));
        return new Receipt(tallies, conflicts, differences, notes);
    }
}
