package io.sincro.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A query for the rows of many keys at once, {@code ... IN (?, ?, ...)}, run a slice of
 * {@value #SLICE} keys at a time: one statement text whatever the number of keys (the last slice
 * repeats its first key), so Derby compiles it once, and a few statements instead of one per key.
 */
public final class KeyList {

    /** The keys one statement asks for. */
    public static final int SLICE = 100;
    /** What a query writes where the list of keys goes. */
    public static final String KEYS = "(:keys)";

    private static final String PLACEHOLDERS = "(" + String.join(", ", java.util.Collections.nCopies(SLICE, "?")) + ")";

    private KeyList() {
    }

    /** Reads the current line of a result. */
    @FunctionalInterface
    public interface Reader {
        void read(ResultSet rows) throws SQLException;
    }

    /**
     * Runs {@code query}, whose {@value #KEYS} stands for the keys, for every key in {@code keys}
     * (none: no query), after the parameters {@code leading} (set first, 1-based, before the keys);
     * {@code reader} reads each row found, a row at most once per key.
     */
    public static void query(Connection c, String query, List<Object> leading, Collection<?> keys, Reader reader)
            throws SQLException {
        if (keys.isEmpty()) {
            return;
        }
        if (!query.contains(KEYS)) {
            throw new IllegalArgumentException("the query has no " + KEYS + " for its keys: " + query);
        }
        List<?> all = new ArrayList<>(keys);
        try (PreparedStatement s = c.prepareStatement(query.replace(KEYS, PLACEHOLDERS))) {
            for (int i = 0; i < leading.size(); i++) {
                s.setObject(i + 1, leading.get(i));
            }
            for (int from = 0; from < all.size(); from += SLICE) {
                List<?> slice = all.subList(from, Math.min(all.size(), from + SLICE));
                for (int k = 0; k < SLICE; k++) {
                    s.setObject(leading.size() + k + 1, slice.get(k < slice.size() ? k : 0));
                }
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        reader.read(rows);
                    }
                }
            }
        }
    }
}
