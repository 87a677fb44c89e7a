package io.sincro.web.agent.catalog;

import java.math.BigDecimal;
import java.util.List;

import io.sincro.agent.prices.EffectivePrice;
import io.sincro.db.catalog.Product;
import io.sincro.db.customers.Customer;

/**
 * The catalog page: what was searched, for which customer (and order, when adding to one), and the
 * products found.
 *
 * @param order the order products are added to, as A01/42 (null when just looking)
 * @param problem why the search could not run (null when it did)
 */
public record CatalogView(String text, String customer, String order, List<Customer> customers, List<Row> rows,
                          String problem) {

    /** One product found, with the customer's price (null without a customer) and the stock (null when unknown). */
    public record Row(Product product, EffectivePrice price, BigDecimal stock) {
    }

    /** The address adding a product to the order posts to. */
    public String addPath() {
        return "/orders/" + order + "/lines";
    }
}
