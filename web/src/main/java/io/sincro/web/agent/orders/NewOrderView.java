package io.sincro.web.agent.orders;

import java.util.List;

import io.sincro.db.customers.Customer;
import io.sincro.db.orders.OrderTemplate;

/** The form that starts an order: for which customer, from which template if any. */
public record NewOrderView(List<Customer> customers, List<OrderTemplate> templates, String customer, String problem) {
}
