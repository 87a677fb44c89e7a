package io.sincro.bench.measure;

import java.util.Optional;

/**
 * One thing the benchmark measures. The harness runs it several times, each time in fresh
 * databases: {@link #prepare} sets a run up (untimed), {@link Trial#run} is the work timed.
 */
public interface Step {

    /** A short name for the command line, the table and the JSON: {@code first-sync}. */
    String id();

    /** What is measured, in a few words. */
    String title();

    /** Why this step cannot run in this build (the sync engine is missing), or empty when it can. */
    default Optional<String> unavailable() {
        return Optional.empty();
    }

    /**
     * Sets up one run in {@code space}: copies of the databases it starts from, the mailbox's
     * content. Nothing done here is timed or counted.
     */
    Trial prepare(TrialSpace space) throws Exception;
}
