package io.sincro.db.orders;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.sincro.db.UtcTimestamps;

/** The order_template and order_template_line tables; they stay on the agent's station. */
public final class OrderTemplates {

    private static final String SELECT_ONE = """
            SELECT name, source_order, created_at FROM order_template WHERE name = ?
            """;
    private static final String SELECT_ALL = """
            SELECT name, source_order, created_at FROM order_template ORDER BY name
            """;
    private static final String SELECT_LINES = """
            SELECT line_no, product_code, quantity FROM order_template_line
            WHERE template_name = ? ORDER BY line_no
            """;
    private static final String INSERT = """
            INSERT INTO order_template (name, source_order, created_at) VALUES (?, ?, ?)
            """;
    private static final String INSERT_LINE = """
            INSERT INTO order_template_line (template_name, line_no, product_code, quantity) VALUES (?, ?, ?, ?)
            """;
    private static final String DELETE = "DELETE FROM order_template WHERE name = ?";

    public Optional<OrderTemplate> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ONE)) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                return rows.next() ? Optional.of(read(c, rows)) : Optional.empty();
            }
        }
    }

    /** Every template with its lines, by name. */
    public List<OrderTemplate> all(Connection c) throws SQLException {
        List<OrderTemplate> templates = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_ALL); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                templates.add(read(c, rows));
            }
        }
        return templates;
    }

    public void insert(Connection c, OrderTemplate template) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, template.name());
            s.setString(2, template.sourceOrder());
            UtcTimestamps.set(s, 3, template.createdAt());
            s.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(INSERT_LINE)) {
            for (OrderTemplate.Line line : template.lines()) {
                s.setString(1, template.name());
                s.setInt(2, line.lineNo());
                s.setString(3, line.productCode());
                s.setBigDecimal(4, line.quantity());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Deletes the template and its lines; returns whether it was there. */
    public boolean delete(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(DELETE)) {
            s.setString(1, name);
            return s.executeUpdate() > 0;
        }
    }

    private static OrderTemplate read(Connection c, ResultSet header) throws SQLException {
        String name = header.getString("name");
        List<OrderTemplate.Line> lines = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SELECT_LINES)) {
            s.setString(1, name);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    lines.add(new OrderTemplate.Line(rows.getInt("line_no"), rows.getString("product_code"),
                            rows.getBigDecimal("quantity")));
                }
            }
        }
        return new OrderTemplate(name, header.getString("source_order"), UtcTimestamps.get(header, "created_at"), lines);
    }
}
