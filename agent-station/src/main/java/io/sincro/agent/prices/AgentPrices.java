package io.sincro.agent.prices;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.agent.work.AgentContext;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Change;
import io.sincro.db.Database;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;

/** Prices at the agent: what a customer pays for a product, and the customer's special prices. */
public final class AgentPrices {

    private static final Logger log = LoggerFactory.getLogger(AgentPrices.class);

    private final Database db;
    private final Clock clock;
    private final String agentCode;
    private final Pricing pricing = new Pricing();
    private final Customers customers = new Customers();
    private final Products products = new Products();
    private final SpecialPrices specialPrices = new SpecialPrices();

    public AgentPrices(AgentContext context) {
        Objects.requireNonNull(context, "context");
        this.db = context.db();
        this.clock = context.clock();
        this.agentCode = context.agentCode();
    }

    /**
     * The effective price of a product for a customer and where it comes from; source NONE (not an
     * error) when neither a special price nor the customer's price list has one.
     */
    public EffectivePrice quote(String customerCode, String productCode) {
        return db.inTransaction(c -> {
            Customer customer = customers.find(c, customerCode)
                    .orElseThrow(() -> AgentWorkException.unknownCustomer(customerCode));
            products.find(c, productCode).orElseThrow(() -> AgentWorkException.unknownProduct(productCode));
            return pricing.quote(c, customer, productCode);
        });
    }

    /**
     * The effective prices of {@code productCodes} for one customer, in their order: as {@link #quote}
     * for each, in one transaction (a page of search results prices its rows at once).
     */
    public List<EffectivePrice> quotes(String customerCode, List<String> productCodes) {
        return db.inTransaction(c -> {
            Customer customer = customers.find(c, customerCode)
                    .orElseThrow(() -> AgentWorkException.unknownCustomer(customerCode));
            Map<String, Product> known = products.find(c, productCodes);
            for (String productCode : productCodes) {
                if (!known.containsKey(productCode)) {
                    throw AgentWorkException.unknownProduct(productCode);
                }
            }
            return pricing.quotes(c, customer, productCodes);
        });
    }

    /**
     * Sets the customer's special price for a product, stamped with the clock's time and this
     * agent's code so it travels at the next sync and wins against an older edit at the head office.
     * Setting the same price and discount again changes nothing, stamp included.
     */
    public SpecialPrice setSpecialPrice(String customerCode, String productCode, Price price, Discount discount) {
        return db.inTransaction(c -> {
            customers.find(c, customerCode).orElseThrow(() -> AgentWorkException.unknownCustomer(customerCode));
            Product product = products.find(c, productCode)
                    .orElseThrow(() -> AgentWorkException.unknownProduct(productCode));
            if (!product.active()) {
                throw new AgentWorkException("product " + productCode + " is inactive since the last catalog update,"
                        + " so it can no longer be sold; set the special price on the product that replaces it");
            }
            SpecialPrice wanted = new SpecialPrice(customerCode, productCode, price.value(), discount.percent(),
                    clock.instant(), agentCode);
            Change change = specialPrices.save(c, wanted);
            if (change != Change.UNCHANGED) {
                log.info("special price of {} for {} set to {} less {}% ({})", productCode, customerCode,
                        price.value().toPlainString(), discount.percent().toPlainString(), change);
            }
            return specialPrices.find(c, customerCode, productCode).orElseThrow();
        });
    }

    /** Convenience for callers holding plain numbers; a null discount means none. */
    public SpecialPrice setSpecialPrice(String customerCode, String productCode, BigDecimal price, BigDecimal discount) {
        return setSpecialPrice(customerCode, productCode, Price.of(price),
                discount == null ? Discount.NONE : Discount.of(discount));
    }
}
