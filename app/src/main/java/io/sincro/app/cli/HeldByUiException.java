package io.sincro.app.cli;

/**
 * The station is held by a running {@code sincro ui}: the message says so and what to do, and
 * {@link #ui()} is the way to hand {@code sincro sync} or {@code sincro status} to it.
 */
public final class HeldByUiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient UiHandoff ui;

    HeldByUiException(String message, UiHandoff ui) {
        super(message);
        this.ui = ui;
    }

    /** The running ui that holds the station. */
    public UiHandoff ui() {
        return ui;
    }
}
