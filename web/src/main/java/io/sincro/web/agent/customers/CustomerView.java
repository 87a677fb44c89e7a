package io.sincro.web.agent.customers;

import java.util.List;

import io.sincro.agent.customers.CustomerDetails;
import io.sincro.rules.conflicts.PriceConflict;

/**
 * One customer: its data, its special prices (which the agent may change), the conflicts the
 * syncs decided on them, its recent orders, and what the last change said.
 */
public record CustomerView(CustomerDetails details, List<PriceConflict> conflicts, String problem, String notice) {
}
