package io.sincro.agent.orders;

import java.math.BigDecimal;

import io.sincro.agent.work.AgentWorkException;

/** An ordered quantity: above zero, at most 3 decimals, within the database's DECIMAL(15, 3). */
record Quantity(BigDecimal value) {

    private static final int DECIMALS = 3;
    private static final BigDecimal LIMIT = new BigDecimal("1000000000000");

    Quantity {
        if (value == null) {
            throw new AgentWorkException("the quantity is missing; give how many units to order, such as 10");
        }
        if (value.signum() <= 0) {
            throw new AgentWorkException("quantity " + value.toPlainString() + " is not above zero; give how many units"
                    + " to order, such as 10");
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            throw new AgentWorkException("quantity " + value.toPlainString() + " has more than " + DECIMALS
                    + " decimals; round it to " + DECIMALS + " at most");
        }
        if (value.compareTo(LIMIT) >= 0) {
            throw new AgentWorkException("quantity " + value.toPlainString() + " is too large; the most one line holds is "
                    + LIMIT.subtract(BigDecimal.ONE).toPlainString());
        }
    }
}
