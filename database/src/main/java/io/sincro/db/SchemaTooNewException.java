package io.sincro.db;

/** The database was written by a newer Sincro than the one trying to open it. */
public final class SchemaTooNewException extends DatabaseException {

    private static final long serialVersionUID = 1L;

    SchemaTooNewException(String message) {
        super(message);
    }
}
