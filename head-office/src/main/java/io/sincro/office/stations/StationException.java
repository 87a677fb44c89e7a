package io.sincro.office.stations;

/** An agent station could not be prepared; nothing was left behind. */
public final class StationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    StationException(String message) {
        super(message);
    }

    StationException(String message, Throwable cause) {
        super(message, cause);
    }
}
