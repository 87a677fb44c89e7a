package io.sincro.agent.prices;

import java.math.BigDecimal;

import io.sincro.agent.work.AgentWorkException;

/** A discount in percent: 0 to 100 with at most 2 decimals, the database's DECIMAL(5, 2). */
public record Discount(BigDecimal percent) {

    // before NONE: static fields initialise in order, and NONE's constructor uses it
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public static final Discount NONE = new Discount(BigDecimal.ZERO);

    public Discount {
        if (percent == null) {
            throw new AgentWorkException("the discount is missing; give a percentage from 0 to 100, such as 5");
        }
        if (percent.signum() < 0 || percent.compareTo(HUNDRED) > 0) {
            throw new AgentWorkException("discount " + percent.toPlainString() + " is not a percentage from 0 to 100;"
                    + " give it as a number such as 5 or 12.5");
        }
        if (percent.stripTrailingZeros().scale() > 2) {
            throw new AgentWorkException("discount " + percent.toPlainString() + " has more than 2 decimals;"
                    + " round it to 2 at most");
        }
    }

    public static Discount of(BigDecimal percent) {
        return new Discount(percent);
    }
}
