package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.Change;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.changes.SharedStamp;

/**
 * price-lists.csv: price_list, product, price, and optionally the list's description. The file is
 * the whole of every list it names: rows of those lists that it no longer holds are removed.
 */
final class PriceListLoader implements TableLoader<PriceListRow> {

    private final PriceLists priceLists = new PriceLists();
    private final KnownCodes known = new KnownCodes();
    private final SortedLookup<PriceListRow, PriceListRow> storedRows = new SortedLookup<>(
            (c, first) -> priceLists.rowsInKeyOrder(c, first.priceListCode()),
            (c, row) -> priceLists.price(c, row.priceListCode(), row.productCode())
                    .map(price -> new PriceListRow(row.priceListCode(), row.productCode(), price)),
            PriceListLoader::keyOf, PriceListLoader::keyOf, false);
    private boolean empty;
    /** The lists the file names, with the description it gives them (null: keep the one they have). */
    private final Map<String, String> lists = new HashMap<>();
    /** The lists the table holds, those the import made included. */
    private final Set<String> stored = new HashSet<>();
    private final Instant now;

    PriceListLoader(Instant now) {
        this.now = now;
    }

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
        for (PriceList list : priceLists.all(c)) {
            stored.add(list.code());
        }
    }

    @Override
    public Verdict classify(Connection c, PriceListRow row, CsvLine line) throws SQLException {
        Optional<PriceListRow> existing = empty ? Optional.empty() : storedRows.find(c, row);
        if (existing.isEmpty()) {
            known.checkProduct(c, row.productCode(), line, "product");
            made(c, row.priceListCode());
            return Verdict.NEW;
        }
        return existing.get().price().compareTo(row.price()) == 0 ? Verdict.SAME : Verdict.CHANGED;
    }

    /**
     * Makes the list a new row belongs to, before the row goes in: with the description the file
     * gave it so far, or its code ({@link #finish} sets a description given later).
     */
    private void made(Connection c, String list) throws SQLException {
        if (stored.add(list)) {
            String description = lists.get(list);
            priceLists.save(c, new PriceList(list, description == null ? list : description), now);
        }
    }

    @Override
    public long insert(Connection c, Iterator<PriceListRow> rows, Instant now, long stamp) throws SQLException {
        return priceLists.loadRows(c, rows, now, stamp);
    }

    @Override
    public void close() throws SQLException {
        storedRows.close();
    }

    /** A changed row is one the list holds (so the list is there), with another price. */
    @Override
    public Change update(Connection c, PriceListRow row, Instant now, SharedStamp stamp) throws SQLException {
        return priceLists.updatePrice(c, row, now, stamp.take(c)) ? Change.UPDATED : Change.UNCHANGED;
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
