package io.sincro.db.testing;

import java.math.BigDecimal;
import java.time.Instant;

import io.sincro.db.Origin;
import io.sincro.db.agents.Agent;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.Product;
import io.sincro.db.customers.Customer;
import io.sincro.db.prices.SpecialPrice;

/** Builders for test rows: sensible values, with only what a test cares about spelled out. */
public final class Rows {

    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    private Rows() {
    }

    public static Agent agent(String code) {
        return new Agent(code, "Agent " + code, code.toLowerCase() + "@example.com");
    }

    public static Product product(String code) {
        return new Product(code, "Product " + code, "PZ", new BigDecimal("22.00"), true);
    }

    public static PriceList priceList(String code) {
        return new PriceList(code, "List " + code);
    }

    public static PriceListRow price(String list, String product, String price) {
        return new PriceListRow(list, product, new BigDecimal(price));
    }

    public static SpecialPrice specialPrice(String customer, String product, String price, String by) {
        return new SpecialPrice(customer, product, new BigDecimal(price), BigDecimal.ZERO, T0, by);
    }

    public static CustomerBuilder customer(String code) {
        return new CustomerBuilder(code);
    }

    /** A customer of the head office unless told otherwise. */
    public static final class CustomerBuilder {
        private final String code;
        private String name;
        private String agent;
        private String priceList;
        private Origin origin = Origin.HEAD_OFFICE;
        private Instant createdAt = T0;

        private CustomerBuilder(String code) {
            this.code = code;
            this.name = "Customer " + code;
        }

        public CustomerBuilder named(String name) {
            this.name = name;
            return this;
        }

        public CustomerBuilder assignedTo(String agentCode) {
            this.agent = agentCode;
            return this;
        }

        public CustomerBuilder priceList(String code) {
            this.priceList = code;
            return this;
        }

        public CustomerBuilder createdByAgent() {
            this.origin = Origin.AGENT;
            return this;
        }

        public CustomerBuilder createdAt(Instant at) {
            this.createdAt = at;
            return this;
        }

        public Customer build() {
            return new Customer(code, name, "IT01234567890", "Via Roma 1", "Milano", null, null,
                    agent, priceList, origin, createdAt);
        }
    }
}
