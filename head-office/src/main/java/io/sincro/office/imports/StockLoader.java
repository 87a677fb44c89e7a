package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.sincro.db.Change;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.catalog.StockLevel;

/** stock.csv: product, quantity (may be negative: back-orders). */
final class StockLoader implements RowLoader<StockLevel> {

    private final Stock stock = new Stock();
    private final Products products = new Products();

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
        String product = line.text("product", 30);
        if (products.find(c, product).isEmpty()) {
            throw line.problem("product", "unknown product " + product + "; import it with the products first");
        }
        return new StockLevel(product, line.decimal("quantity", null, null));
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
    public Change save(Connection c, StockLevel row, Instant now) throws SQLException {
        return stock.save(c, row, now);
    }
}
