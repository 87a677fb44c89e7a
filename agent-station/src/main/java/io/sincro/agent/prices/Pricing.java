package io.sincro.agent.prices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.customers.Customer;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;

/**
 * The price rule of seed 003, on an open connection so that orders can price a line inside their
 * own transaction: the customer's special price first, then its generic price list.
 */
public final class Pricing {

    private final SpecialPrices specialPrices = new SpecialPrices();
    private final PriceLists priceLists = new PriceLists();

    /** The effective price of {@code productCode} for {@code customer}; source NONE when there is none. */
    public EffectivePrice quote(Connection c, Customer customer, String productCode) throws SQLException {
        Optional<SpecialPrice> special = specialPrices.find(c, customer.code(), productCode);
        if (special.isPresent()) {
            SpecialPrice s = special.get();
            return new EffectivePrice(customer.code(), productCode, EffectivePrice.Source.SPECIAL_PRICE, s.price(),
                    s.discount(), customer.priceListCode(), s.updatedAt(), s.updatedBy());
        }
        if (customer.priceListCode() != null) {
            Optional<BigDecimal> listed = priceLists.price(c, customer.priceListCode(), productCode);
            if (listed.isPresent()) {
                return new EffectivePrice(customer.code(), productCode, EffectivePrice.Source.PRICE_LIST, listed.get(),
                        BigDecimal.ZERO, customer.priceListCode(), null, null);
            }
        }
        return EffectivePrice.none(customer.code(), productCode, customer.priceListCode());
    }

    /** The effective price, or an error that says why there is none and how to give one. */
    public EffectivePrice require(Connection c, Customer customer, String productCode) throws SQLException {
        EffectivePrice price = quote(c, customer, productCode);
        if (!price.found()) {
            throw new AgentWorkException("no price for " + productCode + ": " + price.missingReason()
                    + "; give the price with --price, or set a special price with 'sincro price set "
                    + customer.code() + " " + productCode + " PRICE'");
        }
        return price;
    }
}
