package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.Change;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.PriceLists;

/**
 * price-lists.csv: price_list, product, price, and optionally the list's description. The file is
 * the whole of every list it names: rows of those lists that it no longer holds are removed.
 */
final class PriceListLoader implements TableLoader<PriceListRow> {

    private final PriceLists priceLists = new PriceLists();
    private final KnownCodes known = new KnownCodes();
    private final SortedLookup<PriceListRow, PriceListRow> stored = new SortedLookup<>(
            (c, first) -> priceLists.rowsInKeyOrder(c, first.priceListCode()),
            (c, row) -> priceLists.price(c, row.priceListCode(), row.productCode())
                    .map(price -> new PriceListRow(row.priceListCode(), row.productCode(), price)),
            PriceListLoader::keyOf, PriceListLoader::keyOf, false);
    private boolean empty;
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
        if (!known.product(c, product)) {
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

    private static Key keyOf(PriceListRow row) {
        return new Key(row.priceListCode(), row.productCode());
    }

    @Override
    public void open(Connection c) throws SQLException {
        empty = priceLists.noRows(c);
    }

    @Override
    public Verdict classify(Connection c, PriceListRow row) throws SQLException {
        if (empty) {
            return Verdict.NEW;
        }
        Optional<PriceListRow> existing = stored.find(c, row);
        return existing.isEmpty() ? Verdict.NEW
                : existing.get().price().compareTo(row.price()) == 0 ? Verdict.SAME : Verdict.CHANGED;
    }

    /** The lists the new rows belong to first (as {@link #save} makes them), then the rows. */
    @Override
    public long insert(Connection c, NewRows<PriceListRow> rows, Instant now, long stamp) throws SQLException {
        for (Map.Entry<String, String> list : lists.entrySet()) {
            if (priceLists.find(c, list.getKey()).isEmpty()) {
                priceLists.save(c, new PriceList(list.getKey(), list.getValue() == null ? list.getKey() : list.getValue()),
                        now);
            }
        }
        return rows.load(pass -> priceLists.loadRows(c, pass, now, stamp));
    }

    @Override
    public void close() throws SQLException {
        stored.close();
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
