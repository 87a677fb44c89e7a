package io.sincro.agent.customers;

import java.util.List;
import java.util.Objects;

import io.sincro.agent.orders.OrderSummary;
import io.sincro.db.customers.Customer;

/** A customer with its special prices and its most recent orders, newest first. */
public record CustomerDetails(Customer customer, List<SpecialPriceLine> specialPrices, List<OrderSummary> recentOrders) {

    public CustomerDetails {
        Objects.requireNonNull(customer, "customer");
        specialPrices = List.copyOf(specialPrices);
        recentOrders = List.copyOf(recentOrders);
    }
}
