package io.sincro.app.failures;

import java.nio.file.Path;
import java.util.Optional;

/**
 * A failure whose cause the platform named: what kind of fault, where (a folder or file, when the
 * platform said), and the sentence a person reads, cause first and what to do last.
 */
public record Fault(Kind kind, Optional<Path> where, String sentence) {

    /** The faults of the machine Sincro tells apart; none of them is a defect in Sincro. */
    public enum Kind {
        /** The disk (or the user's quota) is full. */
        DISK_FULL,
        /** The file system is mounted read-only. */
        READ_ONLY_DISK,
        /** This computer's user may not read or write there. */
        NO_PERMISSION,
        /** Derby opened the database read-only, so it cannot change it. */
        DATABASE_READ_ONLY,
        /** Derby found the database's files damaged. */
        DATABASE_DAMAGED
    }

    @Override
    public String toString() {
        return sentence;
    }
}
