package io.sincro.agent.work;

import java.util.List;

/**
 * Something the agent asked for cannot be done: an unknown customer or product, a bad quantity, an
 * order that is no longer a draft. The message is one sentence for the person at the keyboard: what
 * is wrong, where, and what to do next. When several things are wrong at once (a customer's fields,
 * an order's consistency check) each is also listed in {@link #problems()}.
 */
public final class AgentWorkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public AgentWorkException(String message) {
        this(message, List.of());
    }

    public AgentWorkException(String message, List<String> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each a sentence of its own; empty when the message says it all. */
    public List<String> problems() {
        return problems;
    }

    /** Refuses work on a customer code this station does not know. */
    public static AgentWorkException unknownCustomer(String code) {
        return new AgentWorkException("customer " + code + " is not on this station; find its code with"
                + " 'sincro customer list --search NAME', or create it with 'sincro customer new'");
    }

    /** Refuses work on a product code the catalog does not hold. */
    public static AgentWorkException unknownProduct(String code) {
        return new AgentWorkException("product " + code + " is not in the catalog; find its code with"
                + " 'sincro product search TEXT' (a product new at the head office arrives with the next sync)");
    }
}
