package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.sincro.db.Change;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;

/** products.csv: code, description, unit, vat_rate, active. */
final class ProductLoader implements RowLoader<Product> {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Products products = new Products();

    @Override
    public List<String> requiredColumns() {
        return List.of("code", "description", "unit", "vat_rate");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("active");
    }

    @Override
    public Product read(Connection c, CsvLine line) {
        return new Product(
                line.code("code", 30),
                line.text("description", 200),
                line.text("unit", 10),
                line.decimal("vat_rate", BigDecimal.ZERO, HUNDRED),
                line.optionalFlag("active", true));
    }

    @Override
    public String key(Product row) {
        return row.code();
    }

    @Override
    public String keyColumn() {
        return "code";
    }

    @Override
    public Change save(Connection c, Product row, Instant now) throws SQLException {
        return products.save(c, row, now);
    }
}
