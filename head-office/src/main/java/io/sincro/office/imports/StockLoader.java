package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.changes.SharedStamp;

/** stock.csv: product, quantity (may be negative: back-orders). */
final class StockLoader implements TableLoader<StockLevel> {

    private final Stock stock = new Stock();
    private final KnownCodes known = new KnownCodes();
    private final SortedLookup<StockLevel, StockLevel> stored = new SortedLookup<>(
            (c, first) -> stock.inProductOrder(c, first.productCode()),
            (c, row) -> stock.quantity(c, row.productCode()).map(q -> new StockLevel(row.productCode(), q)),
            row -> Key.of(row.productCode()), row -> Key.of(row.productCode()), false);
    private boolean empty;

    @Override
    public List<String> requiredColumns() {
        return List.of("product", "quantity");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of();
    }

    @Override
    public StockLevel read(Connection c, CsvLine line) throws SQLException {
        return new StockLevel(line.text("product", 30), line.decimal("quantity", null, null));
    }

    @Override
    public String key(StockLevel row) {
        return row.productCode();
    }

    @Override
    public String keyColumn() {
        return "product";
    }

    @Override
    public void open(Connection c) throws SQLException {
        empty = stock.isEmpty(c);
    }

    @Override
    public Verdict classify(Connection c, StockLevel row, CsvLine line) throws SQLException {
        Optional<StockLevel> existing = empty ? Optional.empty() : stored.find(c, row);
        if (existing.isEmpty()) {
            known.checkProduct(c, row.productCode(), line, "product");
            return Verdict.NEW;
        }
        return existing.get().quantity().compareTo(row.quantity()) == 0 ? Verdict.SAME : Verdict.CHANGED;
    }

    @Override
    public long insert(Connection c, Iterator<StockLevel> rows, Instant now, long stamp) throws SQLException {
        return stock.load(c, rows, now, stamp);
    }

    @Override
    public void close() throws SQLException {
        stored.close();
    }

    /** A changed level is one the table holds, with another quantity. */
    @Override
    public Change update(Connection c, StockLevel row, Instant now, SharedStamp stamp) throws SQLException {
        return stock.updateQuantity(c, row, now, stamp.take(c)) ? Change.UPDATED : Change.UNCHANGED;
    }
}
