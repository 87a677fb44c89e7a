package io.sincro.db.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sincro.db.RowConsumer;

/**
 * A query run for many orders at once instead of once per order (a list of orders with their lines,
 * their statuses): the orders of one series {@value #PER_STATEMENT} at a time, in
 * {@code WHERE series = ? AND number IN (...)}, always {@value #PER_STATEMENT} numbers (the last one
 * repeated), so Derby compiles one statement and probes the key's index for each number.
 */
final class ManyOrders {

    static final int PER_STATEMENT = 50;
    /** Where the query's text takes the numbers. */
    static final String NUMBERS = "{numbers}";

    private ManyOrders() {
    }

    /** The query's text with its numbers' place filled, for a constant. */
    static String in(String query) {
        return query.replace(NUMBERS, String.join(", ", Collections.nCopies(PER_STATEMENT, "?")));
    }

    /** Runs {@code query} (made by {@link #in}) for every one of {@code numbers}, each row to {@code rows}. */
    static void each(Connection c, String query, Collection<OrderNumber> numbers, RowConsumer<ResultSet> rows)
            throws SQLException {
        Map<String, List<Integer>> bySeries = new LinkedHashMap<>();
        for (OrderNumber n : numbers) {
            bySeries.computeIfAbsent(n.series(), s -> new ArrayList<>()).add(n.number());
        }
        try (PreparedStatement s = c.prepareStatement(query)) {
            for (Map.Entry<String, List<Integer>> series : bySeries.entrySet()) {
                List<Integer> all = series.getValue();
                for (int from = 0; from < all.size(); from += PER_STATEMENT) {
                    List<Integer> some = all.subList(from, Math.min(all.size(), from + PER_STATEMENT));
                    s.setString(1, series.getKey());
                    for (int i = 0; i < PER_STATEMENT; i++) {
                        s.setInt(i + 2, some.get(Math.min(i, some.size() - 1)));
                    }
                    try (ResultSet found = s.executeQuery()) {
                        while (found.next()) {
                            rows.accept(found);
                        }
                    }
                }
            }
        }
    }
}
