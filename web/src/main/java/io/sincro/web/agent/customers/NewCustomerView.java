package io.sincro.web.agent.customers;

import java.util.List;

import io.sincro.agent.customers.NewCustomer;

/** The new-customer form, filled as it was sent, with every problem the check found. */
public record NewCustomerView(NewCustomer typed, List<String> problems) {
}
