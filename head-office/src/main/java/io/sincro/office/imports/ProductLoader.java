package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.changes.SharedStamp;

/** products.csv: code, description, unit, vat_rate, active. */
final class ProductLoader implements TableLoader<Product> {

    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final Products products = new Products();
    private final SortedLookup<Product, Product> stored = new SortedLookup<>(
            (c, first) -> products.inCodeOrder(c, first.code()), (c, row) -> products.find(c, row.code()),
            row -> Key.of(row.code()), row -> Key.of(row.code()), false);
    private boolean empty;

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
    public void open(Connection c) throws SQLException {
        empty = products.isEmpty(c);
    }

    @Override
    public Verdict classify(Connection c, Product row, CsvLine line) throws SQLException {
        if (empty) {
            return Verdict.NEW;
        }
        Optional<Product> existing = stored.find(c, row);
        return existing.isEmpty() ? Verdict.NEW : existing.get().sameAs(row) ? Verdict.SAME : Verdict.CHANGED;
    }

    @Override
    public long insert(Connection c, Iterator<Product> rows, Instant now, long stamp) throws SQLException {
        return products.load(c, rows, now, stamp);
    }

    @Override
    public void close() throws SQLException {
        stored.close();
    }

    /** As a line on its own is stored, with a change number of its own. */
    @Override
    public Change update(Connection c, Product row, Instant now, SharedStamp stamp) throws SQLException {
        return products.save(c, row, now);
    }
}
