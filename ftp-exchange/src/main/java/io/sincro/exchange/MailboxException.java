package io.sincro.exchange;

import java.util.Optional;

/**
 * A mailbox operation failed. The message is one sentence for the user: what failed, where, and
 * what to do next; it never contains a password.
 *
 * <p>{@link #isTransient()} tells the caller whether trying again later can help (a dropped
 * connection, a busy server, a timeout) or whether someone has to change something first (a
 * wrong password, a missing permission, a missing folder).
 */
public class MailboxException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The step of the exchange that failed, so a caller can say which right or setting is missing. */
    public enum Step {
        /** Reading the mailbox settings. */
        SETTINGS,
        /** Reaching the server, including the TLS handshake. */
        CONNECT,
        /** Logging in. */
        LOGIN,
        /** Finding or creating a folder. */
        FOLDER,
        /** Listing a folder. */
        LIST,
        /** Writing a file under its temporary name. */
        WRITE,
        /** Renaming a written file to its final name. */
        RENAME,
        /** Reading a file back. */
        READ,
        /** Deleting a file. */
        DELETE
    }

    private final Step step;
    private final boolean transientFailure;
    private final String reply;

    /**
     * @param message one sentence: what, where, what next
     * @param step the step that failed
     * @param transientFailure whether trying again later can help
     * @param reply the server's reply ("550 Permission denied"), or null when there was none
     * @param cause the underlying exception, or null
     */
    public MailboxException(String message, Step step, boolean transientFailure, String reply, Throwable cause) {
        super(message, cause);
        this.step = step;
        this.transientFailure = transientFailure;
        this.reply = reply;
    }

    public Step step() {
        return step;
    }

    /** Whether trying again later (the next sync) can succeed without anyone changing anything. */
    public boolean isTransient() {
        return transientFailure;
    }

    /** The server's reply code and text, when the failure was a reply. */
    public Optional<String> reply() {
        return Optional.ofNullable(reply);
    }
}
