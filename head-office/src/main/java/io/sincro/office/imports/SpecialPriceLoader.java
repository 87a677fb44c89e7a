package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customers;
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
final class SpecialPriceLoader implements RowLoader<SpecialPrice> {

    static final String HEAD_OFFICE = "HQ";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SpecialPrices specialPrices = new SpecialPrices();
    private final Customers customers = new Customers();
    private final Products products = new Products();
    private final BackEndPrices backEnd = new BackEndPrices();
    private final PriceConflicts conflicts = new PriceConflicts();
    private final String fileName;
    private final Instant now;
    private long editsReplaced;

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
        if (customers.find(c, customer).isEmpty()) {
            throw line.problem("customer", "unknown customer " + customer + "; import it with the customers first");
        }
        String product = line.text("product", 30);
        if (products.find(c, product).isEmpty()) {
            throw line.problem("product", "unknown product " + product + "; import it with the products first");
        }
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

    @Override
    public Change save(Connection c, SpecialPrice row, Instant now) throws SQLException {
        String customer = row.customerCode();
        String product = row.productCode();
        if (!backEnd.loaded(c, customer, product, row.price(), row.discount(), now)) {
            return Change.UNCHANGED;
        }
        Optional<SpecialPrice> before = specialPrices.find(c, customer, product);
        Change change = specialPrices.save(c, row);
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
