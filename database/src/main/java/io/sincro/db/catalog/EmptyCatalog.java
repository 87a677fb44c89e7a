package io.sincro.db.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Which catalog tables have no rows at all, asked in one statement: an import that may load each of
 * them in bulk (a first sync) asks once rather than once a table, and Derby compiles one statement
 * instead of four in a freshly opened database.
 */
public record EmptyCatalog(boolean priceLists, boolean products, boolean priceListRows, boolean stock) {

    private static final String ASK = """
            SELECT CASE WHEN EXISTS (SELECT 1 FROM price_list) THEN 0 ELSE 1 END,
                   CASE WHEN EXISTS (SELECT 1 FROM product) THEN 0 ELSE 1 END,
                   CASE WHEN EXISTS (SELECT 1 FROM price_list_row) THEN 0 ELSE 1 END,
                   CASE WHEN EXISTS (SELECT 1 FROM stock) THEN 0 ELSE 1 END
            FROM SYSIBM.SYSDUMMY1
            """;

    public static EmptyCatalog of(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rows = s.executeQuery(ASK)) {
            rows.next();
            return new EmptyCatalog(rows.getInt(1) == 1, rows.getInt(2) == 1, rows.getInt(3) == 1, rows.getInt(4) == 1);
        }
    }
}
