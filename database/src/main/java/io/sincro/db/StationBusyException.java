package io.sincro.db;

import java.util.Optional;

/** Another command holds the station's database; the message names it and since when. */
public final class StationBusyException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    private final String holder;

    StationBusyException(String message) {
        this(null, message);
    }

    StationBusyException(String holder, String message) {
        super(message);
        this.holder = holder;
    }

    /**
     * Who holds the station and since when, as "sincro sync has held this station since
     * 2026-03-02 08:00:00 (process 4711)"; empty when another program has the database open.
     */
    public Optional<String> holder() {
        return Optional.ofNullable(holder);
    }
}
