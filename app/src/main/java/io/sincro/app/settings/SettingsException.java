package io.sincro.app.settings;

/** A settings file is missing, unreadable, or has a missing or invalid value; the message names the key and the file. */
public final class SettingsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SettingsException(String message) {
        super(message);
    }

    public SettingsException(String message, Throwable cause) {
        super(message, cause);
    }
}
