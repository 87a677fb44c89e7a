package io.sincro.office.exports;

/** An export could not be written; the message says why and what to do. */
public final class ExportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ExportException(String message) {
        super(message);
    }

    ExportException(String message, Throwable cause) {
        super(message, cause);
    }
}
