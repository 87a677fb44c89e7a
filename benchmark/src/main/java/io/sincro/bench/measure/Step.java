package io.sincro.bench.measure;

/**
 * One thing the benchmark measures. The harness runs it several times, each time in fresh
 * databases: {@link #prepare} sets a run up (untimed), {@link Trial#run} is the work timed.
 */
public interface Step {

    /** A short name for the command line, the table and the JSON: {@code first-sync}. */
    String id();

    /** What is measured, in a few words. */
    String title();

    /**
     * Sets up one run in {@code space}: copies of the databases it starts from, the mailbox's
     * content. Nothing done here is timed or counted.
     */
    Trial prepare(TrialSpace space) throws Exception;
}
