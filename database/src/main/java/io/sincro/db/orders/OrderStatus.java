package io.sincro.db.orders;

/**
 * Where an order stands. At the agent: DRAFT while it is being written, SUBMITTED once checked and
 * queued, SENT once uploaded; then what the head office reports back. At the head office an
 * agent's order starts RECEIVED.
 */
public enum OrderStatus {
    DRAFT, SUBMITTED, SENT, RECEIVED, ACCEPTED, REJECTED, SHIPPED;

    /** Orders past DRAFT belong to the head office's process and are read-only at the agent. */
    public boolean isReadOnlyAtAgent() {
        return this != DRAFT;
    }
}
