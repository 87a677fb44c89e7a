package io.sincro.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A query run for many keys at once instead of once per key (a page of products with their prices
 * and stock, an order's lines with their products): {@value #PER_STATEMENT} keys at a time in
 * {@code ... IN ({keys})}, always {@value #PER_STATEMENT} (the last one repeated), so Derby
 * compiles one statement and probes the key's index for each. Derby probes an IN list only on the
 * first column of an index: for a key that is an index's second column ({@code price_list_code = ?
 * AND product_code IN (...)}) it reads the whole range of the first instead, so such a key is read
 * with {@link #eachOne}.
 */
public final class ManyKeys {

    public static final int PER_STATEMENT = 50;
    /** Where a query's text takes the keys. */
    public static final String KEYS = "{keys}";

    private ManyKeys() {
    }

    /** The query's text with the keys' place filled, for a constant. */
    public static String in(String query) {
        if (!query.contains(KEYS)) {
            throw new IllegalArgumentException("the query has no " + KEYS + " for the keys: " + query);
        }
        return query.replace(KEYS, String.join(", ", Collections.nCopies(PER_STATEMENT, "?")));
    }

    /**
     * Runs {@code query}, whose last parameter is one key, for every one of {@code keys}: prepared
     * once and run once per key, in the caller's transaction; {@code leading} are the values of the
     * parameters before the key. For a key that is not the first column of its index (see above).
     */
    public static void eachOne(Connection c, String query, List<String> leading, Collection<String> keys,
            RowConsumer<ResultSet> rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < leading.size(); i++) {
                s.setString(i + 1, leading.get(i));
            }
            for (String key : new LinkedHashSet<>(keys)) {
                s.setString(leading.size() + 1, key);
                try (ResultSet found = s.executeQuery()) {
                    while (found.next()) {
                        rows.accept(found);
                    }
                }
            }
        }
    }

    /**
     * Runs {@code query} (made by {@link #in}) for every one of {@code keys}, each row to {@code rows};
     * {@code leading} are the values of the parameters before the keys.
     */
    public static void each(Connection c, String query, List<String> leading, Collection<String> keys,
            RowConsumer<ResultSet> rows) throws SQLException {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        if (distinct.isEmpty()) {
            return;
        }
        try (PreparedStatement s = c.prepareStatement(query)) {
            for (int i = 0; i < leading.size(); i++) {
                s.setString(i + 1, leading.get(i));
            }
            for (int from = 0; from < distinct.size(); from += PER_STATEMENT) {
                List<String> some = distinct.subList(from, Math.min(distinct.size(), from + PER_STATEMENT));
                for (int i = 0; i < PER_STATEMENT; i++) {
                    s.setString(leading.size() + i + 1, some.get(Math.min(i, some.size() - 1)));
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
