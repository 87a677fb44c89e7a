package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.sincro.db.Change;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Products;

/**
 * price-lists.csv: price_list, product, price, and optionally the list's description. The file is
 * the whole of every list it names: rows of those lists that it no longer holds are removed.
 */
final class PriceListLoader implements RowLoader<PriceListRow> {

    private final PriceLists priceLists = new PriceLists();
    private final Products products = new Products();
    /** The lists the file names, with the description it gives them (null: keep the one they have). */
    private final Map<String, String> lists = new HashMap<>();

    @Override
    public List<String> requiredColumns() {
        return List.of("price_list", "product", "price");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("description");
    }

    @Override
    public PriceListRow read(Connection c, CsvLine line) throws SQLException {
        String list = line.code("price_list", 20);
        String product = line.text("product", 30);
        if (products.find(c, product).isEmpty()) {
            throw line.problem("product", "unknown product " + product + "; import it with the products first");
        }
        BigDecimal price = line.decimal("price", BigDecimal.ZERO, null);
        String description = line.optionalText("description", 100);
        if (description != null || !lists.containsKey(list)) {
            lists.put(list, description);
        }
        return new PriceListRow(list, product, price);
    }

    @Override
    public String key(PriceListRow row) {
        return row.priceListCode() + "\u0000" + row.productCode();
    }

    @Override
    public String keyColumn() {
        return "product";
    }

    @Override
    public Change save(Connection c, PriceListRow row, Instant now) throws SQLException {
        if (priceLists.find(c, row.priceListCode()).isEmpty()) {
            String description = lists.get(row.priceListCode());
            priceLists.save(c, new PriceList(row.priceListCode(), description == null ? row.priceListCode() : description), now);
        }
        return priceLists.save(c, row, now);
    }

    @Override
    public long finish(Connection c, Set<String> keys, Instant now) throws SQLException {
        long removed = 0;
        for (Map.Entry<String, String> list : lists.entrySet()) {
            if (list.getValue() != null) {
                priceLists.save(c, new PriceList(list.getKey(), list.getValue()), now);
            }
            for (String product : priceLists.productsOf(c, list.getKey())) {
                if (!keys.contains(list.getKey() + "\u0000" + product)) {
                    priceLists.removeRow(c, list.getKey(), product, now);
                    removed++;
                }
            }
        }
        return removed;
    }
}
