package io.sincro.db.orders;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.Origin;

/**
 * Where an order stands, and the one table of where it may go next and who may take it there.
 *
 * <p>At the agent: DRAFT while it is being written, SUBMITTED once checked and queued, SENT once
 * uploaded. At the head office it becomes RECEIVED when it arrives, then ACCEPTED, REJECTED (with
 * a reason) or SHIPPED; the head office's statuses travel back to the agent. A status only moves
 * forward; the head office may set its current status again, to correct the reason or the expected
 * delivery. {@link OrderStatuses} refuses any other change.
 */
public enum OrderStatus {
    DRAFT(Origin.AGENT),
    SUBMITTED(Origin.AGENT),
    SENT(Origin.AGENT),
    RECEIVED(Origin.HEAD_OFFICE),
    ACCEPTED(Origin.HEAD_OFFICE),
    REJECTED(Origin.HEAD_OFFICE),
    SHIPPED(Origin.HEAD_OFFICE);

    /** From each status, every status that may follow it, whoever sets it. */
    private static final Map<OrderStatus, Set<OrderStatus>> FORWARD = new EnumMap<>(OrderStatus.class);

    static {
        FORWARD.put(DRAFT, EnumSet.of(SUBMITTED));
        // an order still SUBMITTED at the agent (its upload not yet recorded) may hear from the head office
        FORWARD.put(SUBMITTED, EnumSet.of(SENT, RECEIVED, ACCEPTED, REJECTED, SHIPPED));
        FORWARD.put(SENT, EnumSet.of(RECEIVED, ACCEPTED, REJECTED, SHIPPED));
        FORWARD.put(RECEIVED, EnumSet.of(RECEIVED, ACCEPTED, REJECTED, SHIPPED));
        FORWARD.put(ACCEPTED, EnumSet.of(ACCEPTED, REJECTED, SHIPPED));
        FORWARD.put(REJECTED, EnumSet.of(REJECTED));
        FORWARD.put(SHIPPED, EnumSet.of(SHIPPED));
    }

    private final Origin setBy;

    OrderStatus(Origin setBy) {
        this.setBy = setBy;
    }

    /** The side that sets this status: the agent its own steps, the head office the rest. */
    public Origin setBy() {
        return setBy;
    }

    /** The statuses {@code side} may move an order in this status to, in the order they come. */
    public Set<OrderStatus> next(Origin side) {
        Set<OrderStatus> next = EnumSet.noneOf(OrderStatus.class);
        for (OrderStatus s : FORWARD.get(this)) {
            if (s.setBy == side) {
                next.add(s);
            }
        }
        return Collections.unmodifiableSet(next);
    }

    /** Only a rejection needs a reason: the agent has to tell its customer why. */
    public boolean needsReason() {
        return this == REJECTED;
    }

    /** Orders past DRAFT belong to the head office's process and are read-only at the agent. */
    public boolean isReadOnlyAtAgent() {
        return this != DRAFT;
    }

    /** The status as users write it: shipped, accepted. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status {@code text} names, in any case; empty when it names none. */
    public static Optional<OrderStatus> named(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toUpperCase(Locale.ROOT);
        for (OrderStatus s : values()) {
            if (s.name().equals(wanted)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
