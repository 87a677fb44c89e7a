package io.sincro.web;

/**
 * A request the guard turns away, with the status to answer and the key of the sentence (in the
 * shared messages) that tells the user what to do.
 */
final class Refusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String messageKey;

    Refusal(int status, String messageKey, String logged) {
        super(logged);
        this.status = status;
        this.messageKey = messageKey;
    }

    int status() {
        return status;
    }

    String messageKey() {
        return messageKey;
    }
}
