package io.sincro.db.prices;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.UtcTimestamps;

/** The special_price table. */
public final class SpecialPrices {

    private static final String COLUMNS = "customer_code, product_code, price, discount, updated_at, updated_by";
    private static final String SELECT_ONE = "SELECT " + COLUMNS
            + " FROM special_price WHERE customer_code = ? AND product_code = ?";
    private static final String SELECT_OF_CUSTOMER = "SELECT " + COLUMNS
            + " FROM special_price WHERE customer_code = ? ORDER BY product_code";
    private static final String INSERT = "INSERT INTO special_price (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    private static final String UPDATE = """
            UPDATE special_price SET price = ?, discount = ?, updated_at = ?, updated_by = ?
            WHERE customer_code = ? AND product_code = ?
            """;
    private static final String COUNT = "SELECT COUNT(*) FROM special_price";

    public Optional<SpecialPrice> find(Connection c, String customerCode, String productCode) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, customerCode);
            s.setString(2, productCode);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(rows)) : Optional.empty();
            }
        }
    }

    public List<SpecialPrice> ofCustomer(Connection c, String customerCode) throws SQLException {
        List<SpecialPrice> prices = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_OF_CUSTOMER)) {
            s.setString(1, customerCode);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    prices.add(read(rows));
                }
            }
        }
        return prices;
    }

    public long count(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(COUNT); ResultSet rows = s.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * Stores the price as given, stamp included; an unchanged price and discount leave the row (and
     * its stamp) alone.
     */
    public Change save(Connection c, SpecialPrice price) throws SQLException {
        Optional<SpecialPrice> existing = find(c, price.customerCode(), price.productCode());
        if (existing.isEmpty()) {
            try (PreparedStatement s = c.prepareStatement(INSERT)) {
                s.setString(1, price.customerCode());
                s.setString(2, price.productCode());
                s.setBigDecimal(3, price.price());
                s.setBigDecimal(4, price.discount());
                UtcTimestamps.set(s, 5, price.updatedAt());
                s.setString(6, price.updatedBy());
                s.executeUpdate();
            }
            return Change.INSERTED;
        }
        if (existing.get().samePriceAs(price)) {
            return Change.UNCHANGED;
        }
        try (PreparedStatement s = c.prepareStatement(UPDATE)) {
            s.setBigDecimal(1, price.price());
            s.setBigDecimal(2, price.discount());
            UtcTimestamps.set(s, 3, price.updatedAt());
            s.setString(4, price.updatedBy());
            s.setString(5, price.customerCode());
            s.setString(6, price.productCode());
            s.executeUpdate();
        }
        return Change.UPDATED;
    }

    private static SpecialPrice read(ResultSet rows) throws SQLException {
        return new SpecialPrice(rows.getString("customer_code"), rows.getString("product_code"),
                rows.getBigDecimal("price"), rows.getBigDecimal("discount"),
                UtcTimestamps.get(rows, "updated_at"), rows.getString("updated_by"));
    }
}
