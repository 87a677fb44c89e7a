package io.sincro.rules.flow;

import java.math.BigDecimal;
import java.time.Instant;

import io.sincro.format.Entity;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderLine;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PriceListRow;
import io.sincro.format.rows.Section;
import io.sincro.format.rows.SpecialPrice;

/**
 * Checks every arriving value against {@link ValueLimits} before any rule applies it, whoever sent
 * it (an authenticated sender can still have a broken station): quantities and prices within
 * bounds, discounts 0 to 100, no time later than this station's clock plus the tolerance, and caps
 * on the orders and lines of one package. A refusal names the package, the row and the rule.
 */
final class ValueRules {

    private final Arrival arrival;
    private final ValueLimits limits;
    private final Instant latest;
    private long orders;
    private long lines;

    ValueRules(Arrival arrival) {
        this.arrival = arrival;
        this.limits = arrival.limits();
        this.latest = arrival.now().plus(limits.clockTolerance());
    }

    /** {@code section} with every item checked as it is taken. */
    Section checking(Section section) {
        return new Section() {
            @Override
            public Entity entity() {
                return section.entity();
            }

            @Override
            public Object peek() {
                return section.peek();
            }

            @Override
            public Object take() {
                Object item = section.take();
                if (item != null) {
                    check(item);
                }
                return item;
            }
        };
    }

    void check(Object item) {
        if (item instanceof Deletion d) {
            time(d.deletedAt(), "the deletion of " + d.entity().section() + " " + d.key()
                    + (d.secondKey() == null ? "" : "/" + d.secondKey()));
        } else if (item instanceof PriceListRow row) {
            price(row.price(), "price list row " + row.priceListCode() + "/" + row.productCode());
        } else if (item instanceof SpecialPrice p) {
            String row = "special price " + p.customerCode() + "/" + p.productCode();
            price(p.price(), row);
            discount(p.discount(), row);
            time(p.updatedAt(), row);
        } else if (item instanceof Order order) {
            order(order);
        } else if (item instanceof OrderStatusUpdate status && status.changedAt() != null) {
            time(status.changedAt(), "the status of order " + status.number());
        }
    }

    private void order(Order order) {
        String row = "order " + order.number();
        if (++orders > limits.maxOrders()) {
            throw refused(row, "is one order more than the " + limits.maxOrders() + " one package may carry"
                    + " (sync.maxOrdersPerPackage; if the agent's setting is higher, set this station's as high and run"
                    + " sincro packages retry)");
        }
        time(order.createdAt(), row);
        for (OrderLine line : order.lines()) {
            String where = row + " line " + line.lineNo();
            if (++lines > limits.maxLines()) {
                throw refused(where, "is one line more than the " + limits.maxLines() + " one package may carry"
                        + " (sync.maxLinesPerPackage; if the agent's setting is higher, set this station's as high and run"
                        + " sincro packages retry)");
            }
            if (line.quantity().signum() <= 0 || line.quantity().compareTo(limits.maxQuantity()) > 0) {
                throw refused(where, "has quantity " + line.quantity().toPlainString() + ", and a quantity is above 0"
                        + " and at most " + limits.maxQuantity().toPlainString() + " (sync.maxQuantity)");
            }
            price(line.unitPrice(), where);
            discount(line.discount(), where);
        }
    }

    private void price(BigDecimal price, String row) {
        if (price != null && (price.signum() < 0 || price.compareTo(limits.maxPrice()) > 0)) {
            throw refused(row, "has price " + price.toPlainString() + ", and a price is 0 or more and at most "
                    + limits.maxPrice().toPlainString() + " (sync.maxPrice)");
        }
    }

    private void discount(BigDecimal discount, String row) {
        if (discount != null && (discount.signum() < 0 || discount.compareTo(ValueLimits.MAX_DISCOUNT) > 0)) {
            throw refused(row, "has discount " + discount.toPlainString() + "%, and a discount is 0 to 100%");
        }
    }

    private void time(Instant at, String row) {
        if (at != null && at.isAfter(latest)) {
            throw refused(row, "is stamped " + at + ", later than this station's clock (" + arrival.now() + ") plus"
                    + " the tolerance of " + limits.clockTolerance().toHours() + " hours (sync.futureToleranceHours);"
                    + " set the sender's clock right");
        }
    }

    private PackageRefusedException refused(String row, String rule) {
        return new PackageRefusedException(Reason.RULE_VIOLATED, "package " + arrival.where() + "'s " + row + " " + rule
                + "; the package was refused and changes nothing");
    }
}
