package io.sincro.web.agent.customers;

import java.util.List;

import io.sincro.db.customers.Customer;

/** The customers found by {@code search} (all of them without one). */
public record CustomersView(String search, List<Customer> customers) {
}
