package io.sincro.bench.measure;

/** One prepared run of a step: {@link #run} is timed, {@link #close} releases what prepare opened. */
public interface Trial extends AutoCloseable {

    /** Does the step's work; returns the rows it handled, for rows per second. */
    long run() throws Exception;

    /**
     * Checks, untimed, that the work did what it should (the rows arrived): a step that quietly did
     * nothing must fail, not show as fast.
     */
    default void verify() throws Exception {
    }

    @Override
    default void close() {
    }
}
