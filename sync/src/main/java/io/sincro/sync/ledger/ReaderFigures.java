package io.sincro.sync.ledger;

import java.util.Map;

import io.sincro.format.PackageStream;

/**
 * One figure for each stream and each station reading it (HQ or an agent code), read for every
 * stream at once so a head office with many agents asks once per sync rather than once per agent.
 */
public record ReaderFigures(Map<PackageStream, Map<String, Long>> values) {

    public ReaderFigures {
        values = Map.copyOf(values);
    }

    /** The figure of {@code reader} in {@code stream}, 0 when none is recorded. */
    public long of(PackageStream stream, String reader) {
        Map<String, Long> readers = values.get(stream);
        return readers == null ? 0 : readers.getOrDefault(reader, 0L);
    }
}
