package io.sincro.office.imports;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.sincro.db.Change;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;

/**
 * special-prices.csv: customer, product, price, discount (percent). A changed price is stamped with
 * the import's time and "HQ", which is what "the most recent edit wins" compares.
 */
final class SpecialPriceLoader implements RowLoader<SpecialPrice> {

    static final String HEAD_OFFICE = "HQ";
    private static final BigDecimal HUNDRED = new BigDecimal("100");

    private final SpecialPrices specialPrices = new SpecialPrices();
    private final Customers customers = new Customers();
    private final Products products = new Products();
    private final Instant now;

    SpecialPriceLoader(Instant now) {
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
        return specialPrices.save(c, row);
    }
}
