package io.sincro.db.orders;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.Origin;

/**
 * A status change the rules do not allow ({@link OrderStatus#next}): the message says where the
 * order stands and exactly which statuses may follow it there; the caller adds how to pick one.
 */
public final class StatusChangeRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean listsChoices;

    private StatusChangeRefusedException(String message, boolean listsChoices) {
        super(message);
        this.listsChoices = listsChoices;
    }

    /** Whether the message lists statuses the order may take, so the caller can say to pick one. */
    public boolean listsChoices() {
        return listsChoices;
    }

    /**
     * {@code side} asked to set the order to {@code wanted}, as it was written (a status name, or
     * anything a user typed), which may not follow {@code current}.
     */
    public static StatusChangeRefusedException notAllowed(StatusChange current, String wanted, Origin side) {
        OrderStatus now = current.status();
        Set<OrderStatus> allowed = now.next(side);
        StringBuilder m = new StringBuilder("order ").append(current.number()).append(" is ").append(now.label());
        if (allowed.isEmpty()) {
            m.append(": ").append(who(side)).append(" cannot set its status now");
        } else {
            m.append(": ").append(who(side)).append(allowed.size() == 1 ? " may only set it to " : " may set it to ")
                    .append(choices(now, allowed));
        }
        Optional<OrderStatus> named = OrderStatus.named(wanted);
        if (named.isEmpty()) {
            m.append("; '").append(wanted).append("' is not a status");
        } else if (named.get().setBy() != side) {
            m.append(", not ").append(named.get().label()).append(", which ").append(who(named.get().setBy()))
                    .append(" sets");
        } else {
            m.append(", not ").append(named.get().label())
                    .append("; a status only moves forward: received, accepted, then rejected or shipped");
        }
        return new StatusChangeRefusedException(m.toString(), !allowed.isEmpty());
    }

    /** A rejection without its reason. */
    static StatusChangeRefusedException withoutReason(StatusChange change) {
        return new StatusChangeRefusedException("order " + change.number() + " is " + change.status().label()
                + " without a reason; give the reason, so the agent can tell its customer", false);
    }

    private static String who(Origin side) {
        return side == Origin.HEAD_OFFICE ? "the head office" : "the agent";
    }

    private static String choices(OrderStatus now, Set<OrderStatus> allowed) {
        List<String> labels = new ArrayList<>();
        for (OrderStatus s : allowed) {
            labels.add(s == now ? s.label() + " (again, to correct the reason or expected delivery)" : s.label());
        }
        if (labels.size() == 1) {
            return labels.get(0);
        }
        return String.join(", ", labels.subList(0, labels.size() - 1)) + " or " + labels.get(labels.size() - 1);
    }
}
