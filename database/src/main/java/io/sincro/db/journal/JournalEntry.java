package io.sincro.db.journal;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a station's transaction log (seed 000): a sync, a package sent, received, refused
 * or removed, with what it held or why it failed.
 */
public record JournalEntry(long id, Instant at, Event event, Outcome outcome, String packageName, String detail) {

    /** What happened. */
    public enum Event {
        /** A whole sync run, with its summary. */
        SYNC,
        /** The send step of a sync: OK when the outbound queue was emptied. */
        SEND,
        /** The receive step of a sync: OK when everything waiting for this station was imported. */
        RECEIVE,
        /** A {@code sync --check}: what was waiting, nothing applied. */
        CHECK,
        /** A full package asked for by hand ({@code sincro hq republish}). */
        REPUBLISH,
        /** A package written for one stream; journaled when writing it failed. */
        PUBLISH,
        /** A package uploaded to the mailbox. */
        SENT,
        /** A package imported. */
        RECEIVED,
        /** A package refused and moved aside. */
        REJECTED,
        /** A package left in the mailbox until what it needs has come (the packages before it, the catalog). */
        WAITING,
        /** A package set aside, to be tried again by the next sync ({@code sincro packages retry}). */
        RETRIED,
        /** A package set aside or waiting, discarded by hand ({@code sincro packages discard}). */
        DISCARDED,
        /** A package removed from the mailbox once the other side had it. */
        REMOVED,
        /** The two sides' clocks disagree by more than the sync tolerates. */
        CLOCK,
        /** An e-mail notice that the mail server did not take; it stays queued for the next sync. */
        MAIL,
        /**
         * A station's database found behind what it had reached (restored from a backup, made again),
         * or the other side's: what was lost and what the sync does about it.
         */
        RESTORED
    }

    public enum Outcome {
        OK, FAILED, WARNING
    }

    public JournalEntry {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(detail, "detail");
    }
}
