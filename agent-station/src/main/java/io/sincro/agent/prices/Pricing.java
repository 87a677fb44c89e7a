package io.sincro.agent.prices;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
        return quotes(c, customer, List.of(productCode)).get(0);
    }

    /**
     * The effective prices of {@code productCodes} for {@code customer}, in their order, each by the
     * rule above; the special prices and the price list are read once for all of them (a page of
     * search results), never once per product.
     */
    public List<EffectivePrice> quotes(Connection c, Customer customer, List<String> productCodes) throws SQLException {
        Map<String, SpecialPrice> specials = specialPrices.find(c, customer.code(), productCodes);
        Map<String, BigDecimal> listed = customer.priceListCode() == null ? Map.of()
                : priceLists.prices(c, customer.priceListCode(), productCodes);
        List<EffectivePrice> quotes = new ArrayList<>(productCodes.size());
        for (String productCode : productCodes) {
            SpecialPrice s = specials.get(productCode);
            BigDecimal price = listed.get(productCode);
            quotes.add(s != null ? new EffectivePrice(customer.code(), productCode, EffectivePrice.Source.SPECIAL_PRICE,
                    s.price(), s.discount(), customer.priceListCode(), s.updatedAt(), s.updatedBy())
                    : price != null ? new EffectivePrice(customer.code(), productCode, EffectivePrice.Source.PRICE_LIST,
                    price, BigDecimal.ZERO, customer.priceListCode(), null, null)
                    : EffectivePrice.none(customer.code(), productCode, customer.priceListCode()));
        }
        return quotes;
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
