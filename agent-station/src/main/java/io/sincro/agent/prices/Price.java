package io.sincro.agent.prices;

import java.math.BigDecimal;

import io.sincro.agent.work.AgentWorkException;

/**
 * A unit price before discount, as the agent types it: above zero (goods given free are written
 * with a 100% discount, so a zero price always means "not priced"), at most 4 decimals, and small
 * enough for the database's DECIMAL(15, 4).
 */
public record Price(BigDecimal value) {

    private static final int DECIMALS = 4;
    private static final BigDecimal LIMIT = new BigDecimal("100000000000");

    public Price {
        if (value == null) {
            throw new AgentWorkException("the price is missing; give the unit price before discount, such as 12.50");
        }
        if (value.signum() <= 0) {
            throw new AgentWorkException("price " + value.toPlainString() + " is not above zero; give the unit price"
                    + " before discount (for goods given free, a price with discount 100)");
        }
        if (value.stripTrailingZeros().scale() > DECIMALS) {
            throw new AgentWorkException("price " + value.toPlainString() + " has more than " + DECIMALS
                    + " decimals; round it to " + DECIMALS + " at most");
        }
        if (value.compareTo(LIMIT) >= 0) {
            throw new AgentWorkException("price " + value.toPlainString() + " is too large; the highest price is "
                    + LIMIT.subtract(BigDecimal.ONE).toPlainString());
        }
    }

    public static Price of(BigDecimal value) {
        return new Price(value);
    }
}
