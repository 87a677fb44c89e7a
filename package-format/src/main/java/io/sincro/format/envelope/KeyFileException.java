package io.sincro.format.envelope;

/** A key file that cannot be read or makes no sense; the message names it and says what to do. */
public final class KeyFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
