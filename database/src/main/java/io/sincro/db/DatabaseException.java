package io.sincro.db;

import java.nio.file.Path;
import java.util.Optional;

/** A database could not be created, opened or used; the message says which and what to do. */
public class DatabaseException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Path directory;

    public DatabaseException(String message) {
        this(message, null, null);
    }

    public DatabaseException(String message, Throwable cause) {
        this(message, cause, null);
    }

    /** A failure of the database in {@code directory}, so that whoever explains it can say where. */
    public DatabaseException(String message, Throwable cause, Path directory) {
        super(message, cause);
        this.directory = directory;
    }

    /** The database's folder, when the failure was one of a database in particular. */
    public Optional<Path> directory() {
        return Optional.ofNullable(directory);
    }
}
