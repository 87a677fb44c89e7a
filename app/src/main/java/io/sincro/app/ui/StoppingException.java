package io.sincro.app.ui;

/**
 * Sincro is stopping and the station's database is about to close, so the sync or the command
 * handed to this ui did not start: the message says so and what to do.
 */
final class StoppingException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    StoppingException(String message) {
        super(message);
    }
}
