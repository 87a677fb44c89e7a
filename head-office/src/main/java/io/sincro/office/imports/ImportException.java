package io.sincro.office.imports;

/** A CSV file was refused; the message names the file, line and column and says what to fix. */
public final class ImportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ImportException(String message) {
        super(message);
    }

    ImportException(String message, Throwable cause) {
        super(message, cause);
    }
}
