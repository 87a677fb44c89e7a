package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.changes.SharedStamp;
import io.sincro.db.changes.Tombstone;
import io.sincro.db.changes.Tombstones;
import io.sincro.db.prices.BackEndPrice;
import io.sincro.db.prices.BackEndPrices;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.rules.conflicts.PriceConflict;
import io.sincro.rules.conflicts.PriceConflicts;
import io.sincro.rules.conflicts.PriceVersion;

/**
 * special-prices.csv: customer, product, price, discount (percent). A price the back-end changed
 * since its last load is stamped with the import's time and "HQ", which is what "the most recent
 * edit wins" compares; a price it did not change is left alone, so an agent's edit of it survives
 * the reload of an unchanged file. Where the back-end changed a price an agent had edited, the
 * back-end's change is the more recent and wins, and the agent's edit is kept as a conflict.
 */
final class SpecialPriceLoader implements TableLoader<SpecialPrice> {

    static final String HEAD_OFFICE = "HQ";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SpecialPrices specialPrices = new SpecialPrices();
    private final KnownCodes known = new KnownCodes();
    private final BackEndPrices backEnd = new BackEndPrices();
    private final Tombstones tombstones = new Tombstones();
    private final SortedLookup<SpecialPrice, BackEndPrice> lastLoaded = new SortedLookup<>(
            (c, first) -> backEnd.inKeyOrder(c, first.customerCode()),
            (c, row) -> backEnd.find(c, row.customerCode(), row.productCode()),
            SpecialPriceLoader::keyOf, row -> new Key(row.customerCode(), row.productCode()), true);
    private final SortedLookup<SpecialPrice, SpecialPrice> stored = new SortedLookup<>(
            (c, first) -> specialPrices.inKeyOrder(c, first.customerCode()),
            (c, row) -> specialPrices.find(c, row.customerCode(), row.productCode()),
            SpecialPriceLoader::keyOf, SpecialPriceLoader::keyOf, true);
    private boolean empty;
    /** No special price at all: nothing to look up, and no cursor left open that would stop Derby's bulk insert. */
    private boolean noPrices;
    private boolean deletions;
    private final PriceConflicts conflicts = new PriceConflicts();
    private final String fileName;
    private final Instant now;
    private long editsReplaced;
    /** The lowest and highest customer of the new rows. */
    private String firstNew;
    private String lastNew;

    SpecialPriceLoader(String fileName, Instant now) {
        this.fileName = fileName;
        this.now = now;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("customer", "product", "price");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("discount");
    }

    @Override
    public SpecialPrice read(Connection c, CsvLine line) throws SQLException {
        String customer = line.text("customer", 20);
        if (!known.customer(c, customer)) {
            throw line.problem("customer", "unknown customer " + customer + "; import it with the customers first");
        }
        String product = line.text("product", 30);
        return new SpecialPrice(customer, product,
                line.decimal("price", BigDecimal.ZERO, null),
                line.optionalDecimal("discount", BigDecimal.ZERO, BigDecimal.ZERO, HUNDRED),
                now, HEAD_OFFICE);
    }

    @Override
    public String key(SpecialPrice row) {
        return row.customerCode() + "\u0000" + row.productCode();
    }

    @Override
    public String keyColumn() {
        return "product";
    }

    private static Key keyOf(SpecialPrice row) {
        return new Key(row.customerCode(), row.productCode());
    }

    @Override
    public void open(Connection c) throws SQLException {
        deletions = tombstones.any(c, Tombstone.Kind.SPECIAL_PRICE);
        noPrices = specialPrices.isEmpty(c);
        empty = backEnd.isEmpty(c) && noPrices && !deletions;
    }

    /**
     * New: a price neither the back-end gave before nor any agent made, never deleted, which
     * {@link #save} would insert stamped now by HQ. The same: the back-end gives what it gave last
     * time, which {@link #save} leaves alone. Anything else goes through {@link #save}.
     */
    @Override
    public Verdict classify(Connection c, SpecialPrice row, CsvLine line) throws SQLException {
        Verdict verdict = verdict(c, row, line);
        if (verdict == Verdict.NEW) {
            String customer = row.customerCode();
            firstNew = firstNew == null || customer.compareTo(firstNew) < 0 ? customer : firstNew;
            lastNew = lastNew == null || customer.compareTo(lastNew) > 0 ? customer : lastNew;
        }
        return verdict;
    }

    private Verdict verdict(Connection c, SpecialPrice row, CsvLine line) throws SQLException {
        if (empty) {
            known.checkProduct(c, row.productCode(), line, "product");
            return Verdict.NEW;
        }
        Optional<BackEndPrice> last = lastLoaded.find(c, row);
        if (last.isPresent()) {
            // a product the back-end gave a price for before is known: products are never deleted
            boolean same = last.get().price().compareTo(row.price()) == 0
                    && last.get().discount().compareTo(row.discount()) == 0;
            return same ? Verdict.SAME : Verdict.CHANGED;
        }
        boolean notStored = noPrices || stored.find(c, row).isEmpty();
        if (notStored) {
            known.checkProduct(c, row.productCode(), line, "product");
        }
        boolean brandNew = notStored && (!deletions
                || specialPrices.latestDeletion(c, row.customerCode(), row.productCode()).isEmpty());
        return brandNew ? Verdict.NEW : Verdict.CHANGED;
    }

    /** The prices, then what the back-end said of them: a copy of the prices just inserted. */
    @Override
    public long insert(Connection c, Iterator<SpecialPrice> rows, Instant now, long stamp) throws SQLException {
        long inserted = specialPrices.load(c, rows, stamp);
        if (inserted > 0) {
            backEnd.loadStamped(c, stamp, firstNew, lastNew, now);
        }
        return inserted;
    }

    @Override
    public void close() throws SQLException {
        try {
            lastLoaded.close();
        } finally {
            stored.close();
        }
    }

    /**
     * A changed price is one the back-end gives otherwise than the last time, or never gave: what it
     * gives now is remembered, and stored as a head-office edit of the price (no deletion is looked
     * up when the station never deleted a special price).
     */
    @Override
    public Change update(Connection c, SpecialPrice row, Instant now, SharedStamp stamp) throws SQLException {
        String customer = row.customerCode();
        String product = row.productCode();
        backEnd.remember(c, customer, product, row.price(), row.discount(), now);
        Optional<SpecialPrice> before = specialPrices.find(c, customer, product);
        Optional<Instant> deletedAt = deletions ? specialPrices.latestDeletion(c, customer, product) : Optional.empty();
        Change change = specialPrices.save(c, row, before, deletedAt, stamp);
        if (change == Change.UPDATED && !HEAD_OFFICE.equals(before.orElseThrow().updatedBy())) {
            SpecialPrice agentEdit = before.get();
            SpecialPrice backEndChange = specialPrices.find(c, customer, product).orElseThrow();
            conflicts.record(c, new PriceConflict(0, customer, product, PriceVersion.of(backEndChange),
                    PriceVersion.of(agentEdit), "the most recent change wins: the back-end changed the price in "
                    + fileName + " after agent " + agentEdit.updatedBy() + "'s edit at " + agentEdit.updatedAt(),
                    fileName, now));
            editsReplaced++;
        }
        return change;
    }

    @Override
    public long conflicts() {
        return editsReplaced;
    }
}
