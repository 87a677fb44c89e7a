package io.sincro.web.office.customers;

import java.util.List;

import io.sincro.office.desk.CustomerFile;

/** The list of customers the filters found (in code order, at most {@code limit}) and the filters as typed. */
public record CustomersView(List<CustomerFile> customers, int limit, String agent, String search,
                            boolean createdByAgents, boolean differing) {

    public CustomersView {
        customers = List.copyOf(customers);
    }
}
