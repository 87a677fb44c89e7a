package io.sincro.rules.flow;

import java.time.Instant;
import java.util.Objects;

import io.sincro.db.Station;
import io.sincro.format.PackageHeader;

/**
 * A package arriving at a station, with what the rules need to import it.
 *
 * @param station  the station importing it
 * @param header   the package's header
 * @param now      the station's clock when importing
 * @param seenMark this station's change number as of the last package the sender has acknowledged
 *                 (0 when none): a local change above it had not reached the sender when it wrote
 *                 this package, so an edit of the same row in it is concurrent, a conflict
 * @param limits   the bounds every value in it must keep
 */
public record Arrival(Station station, PackageHeader header, Instant now, long seenMark, ValueLimits limits) {

    public Arrival {
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(limits, "limits");
    }

    /** The package's file name, for messages. */
    String where() {
        return header.name().fileName();
    }

    /** How the importing station signs its own changes: HQ, or its agent code. */
    String self() {
        return station.code();
    }

    /** The agent whose stream it is (the sender, or the recipient); null for the catalog. */
    String agent() {
        return header.stream().agentCode();
    }
}
