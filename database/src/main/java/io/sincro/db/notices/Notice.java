package io.sincro.db.notices;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One e-mail notice: what it tells of ({@code topic}, e.g. {@code sync}, {@code order A01/000001},
 * {@code overdue A01}), to whom, and how far it got.
 */
public record Notice(long id, Instant queuedAt, String topic, List<String> recipients, String subject, String body,
                     State state, int attempts, Optional<Instant> lastAttemptAt, Optional<String> lastError) {

    /** Where a notice stands. */
    public enum State {
        /** Waiting for the mail server; tried again by every sync until it goes. */
        QUEUED,
        /** The mail server took it. */
        SENT,
        /** Closed without sending: the station had no mail server set when its turn came. */
        NOT_SENT
    }

    public Notice {
        Objects.requireNonNull(queuedAt, "queuedAt");
        Objects.requireNonNull(topic, "topic");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(lastAttemptAt, "lastAttemptAt");
        Objects.requireNonNull(lastError, "lastError");
    }
}
