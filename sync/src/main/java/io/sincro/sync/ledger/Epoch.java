package io.sincro.sync.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One identity this station's database has had in the exchange; the latest is the one its packages
 * carry.
 *
 * @param id     32 hex digits drawn at random
 * @param cause  why it began: the station's first sync, or its database found restored
 * @param detail what was found, for the log
 */
public record Epoch(String id, Instant beganAt, Cause cause, String detail) {

    /** Why an epoch began. */
    public enum Cause {
        /** The database's first sync. */
        CREATED,
        /** The database was found behind what it had reached: restored from a backup, or made again. */
        RESTORED
    }

    public Epoch {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(beganAt, "beganAt");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(detail, "detail");
    }

    /** The first eight digits, enough to tell two epochs apart in a sentence. */
    public String shortId() {
        return id.substring(0, Math.min(8, id.length()));
    }
}
