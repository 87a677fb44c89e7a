package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customers;

/**
 * The codes of the products and customers the head office holds, read once per import when a line
 * first refers to one (a set of codes, some 60 bytes each), instead of a query per line. A loader
 * asks only for rows its table lacks: a stored row's product exists (its foreign key says so), so
 * the reload of an unchanged file reads no codes.
 */
final class KnownCodes {

    private Set<String> products;
    private Set<String> customers;

    boolean product(Connection c, String code) throws SQLException {
        if (products == null) {
            products = new Products().codes(c);
        }
        return products.contains(code);
    }

    /** Refuses {@code line} when {@code code}, in {@code column}, is no product's. */
    void checkProduct(Connection c, String code, CsvLine line, String column) throws SQLException {
        if (!product(c, code)) {
            throw line.problem(column, "unknown product " + code + "; import it with the products first");
        }
    }

    boolean customer(Connection c, String code) throws SQLException {
        if (customers == null) {
            customers = new Customers().codes(c);
        }
        return customers.contains(code);
    }
}
