package io.sincro.db.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashSet;

import io.sincro.db.RowConsumer;

/**
 * A query run for many orders (a list of orders with their lines, their statuses) prepared once and
 * run once per order in the caller's transaction, {@code WHERE series = ? AND number = ?}: a probe of
 * the key's index each. (An IN list of numbers would read every order of the series: Derby probes an
 * IN list only on the first column of an index, and the number is the key's second.)
 */
final class ManyOrders {

    private ManyOrders() {
    }

    /** Runs {@code query}, whose two parameters are an order's series and number, for each of {@code numbers}. */
    static void each(Connection c, String query, Collection<OrderNumber> numbers, RowConsumer<ResultSet> rows)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            for (OrderNumber number : new LinkedHashSet<>(numbers)) {
                s.setString(1, number.series());
                s.setInt(2, number.number());
                try (ResultSet found = s.executeQuery()) {
                    while (found.next()) {
                        rows.accept(found);
                    }
                }
            }
        }
    }
}
