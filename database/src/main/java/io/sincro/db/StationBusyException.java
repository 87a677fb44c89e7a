package io.sincro.db;

/** Another command holds the station's database; the message names it and since when. */
public final class StationBusyException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    StationBusyException(String message) {
        super(message);
    }
}
