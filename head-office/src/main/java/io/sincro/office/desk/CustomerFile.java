package io.sincro.office.desk;

import java.util.List;

import io.sincro.db.customers.Customer;
import io.sincro.rules.conflicts.CustomerDifferences;

/**
 * A customer as the head office holds it, with how many special prices and orders it has, and the
 * fields in which the version an agent sent differs (none when they agree).
 */
public record CustomerFile(Customer customer, long specialPrices, long orders, List<CustomerDifferences.Field> differences) {

    public CustomerFile {
        differences = List.copyOf(differences);
    }
}
