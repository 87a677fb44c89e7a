package io.sincro.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** How many rows a station holds of each kind, for status reports and checks. */
public record Contents(long agents, long customers, long products, long priceListRows, long specialPrices,
        long stockRows, long orders) {

    private static final String COUNTS = """
            SELECT (SELECT COUNT(*) FROM agent), (SELECT COUNT(*) FROM customer), (SELECT COUNT(*) FROM product),
                   (SELECT COUNT(*) FROM price_list_row), (SELECT COUNT(*) FROM special_price),
                   (SELECT COUNT(*) FROM stock), (SELECT COUNT(*) FROM customer_order)
            FROM SYSIBM.SYSDUMMY1
            """;

    public static Contents of(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(COUNTS)) {
            rows.next();
            return new Contents(rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                    rows.getLong(6), rows.getLong(7));
        }
    }
}
