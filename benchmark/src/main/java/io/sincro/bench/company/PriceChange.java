package io.sincro.bench.company;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import io.sincro.db.Database;
import io.sincro.db.catalog.PriceListRow;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.format.PackageStream;

/**
 * The benchmark's delta: 1% of the prices change at the head office, as the back-end's next export would
 * change them. The rows are drawn from the seed (exactly 1% of the price-list rows and 1% of the
 * special prices, spread over every list and every agent) and stored through the repositories, so
 * change tracking stamps them as any head-office edit.
 */
public final class PriceChange {

    /** Changed: one row in this many. */
    private static final long ONE_IN = 100;
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final SyntheticCompany company;
    private final PriceLists priceLists = new PriceLists();
    private final SpecialPrices specialPrices = new SpecialPrices();

    public PriceChange(SyntheticCompany company) {
        this.company = company;
    }

    /** What a change did. */
    public record Changed(long priceListRows, Map<String, Long> specialPricesByAgent) {

        public Changed {
            specialPricesByAgent = Map.copyOf(specialPricesByAgent);
        }

        public long specialPrices() {
            return specialPricesByAgent.values().stream().mapToLong(Long::longValue).sum();
        }

        /** Rows changed in all. */
        public long rows() {
            return priceListRows + specialPrices();
        }

        /** The changed rows one agent receives: every price-list row, its customers' special prices. */
        public long reaching(String agentCode) {
            return priceListRows + specialPricesByAgent.getOrDefault(agentCode, 0L);
        }
    }

    /** Changes the prices in the head office's database, in one transaction. */
    public Changed applyTo(Database headOffice) {
        Instant now = headOffice.clock().instant();
        return headOffice.inTransaction(c -> {
            SplittableRandom random = company.random("price-change");
            List<PriceListRow> rows = new ArrayList<>();
            choose(c, "price_list_row", "SELECT price_list_code, product_code, price FROM price_list_row ORDER BY 1, 2",
                    random, r -> rows.add(new PriceListRow(r.getString(1), r.getString(2), r.getBigDecimal(3))));
            List<SpecialPrice> prices = new ArrayList<>();
            choose(c, "special_price",
                    "SELECT customer_code, product_code, price, discount FROM special_price ORDER BY 1, 2", random,
                    r -> prices.add(new SpecialPrice(r.getString(1), r.getString(2), r.getBigDecimal(3),
                            r.getBigDecimal(4), now, PackageStream.HEAD_OFFICE)));
            for (PriceListRow row : rows) {
                priceLists.save(c, new PriceListRow(row.priceListCode(), row.productCode(), changed(row.price(), random)), now);
            }
            Map<String, Long> byAgent = new TreeMap<>();
            for (SpecialPrice price : prices) {
                specialPrices.save(c, new SpecialPrice(price.customerCode(), price.productCode(),
                        changed(price.price(), random), price.discount(), now, PackageStream.HEAD_OFFICE));
                byAgent.merge(company.agentOfCustomer(price.customerCode()), 1L, Long::sum);
            }
            return new Changed(rows.size(), byAgent);
        });
    }

    /**
     * Reads the rows of {@code query} in key order and hands on exactly one in {@link #ONE_IN}
     * (selection sampling: each row is taken with the probability that still gives that count).
     */
    private static void choose(Connection c, String table, String query, SplittableRandom random, Chosen chosen)
            throws SQLException {
        long total;
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
            r.next();
            total = r.getLong(1);
        }
        long wanted = total == 0 ? 0 : Math.max(1, total / ONE_IN);
        long seen = 0;
        long taken = 0;
        try (PreparedStatement s = c.prepareStatement(query); ResultSet r = s.executeQuery()) {
            while (taken < wanted && r.next()) {
                if (random.nextLong(total - seen) < wanted - taken) {
                    chosen.accept(r);
                    taken++;
                }
                seen++;
            }
        }
    }

    /** The price moved by 1 to 10% up or down, to the cent; never the same price. */
    private static BigDecimal changed(BigDecimal price, SplittableRandom random) {
        int percent = 1 + random.nextInt(10);
        BigDecimal factor = BigDecimal.valueOf(random.nextBoolean() ? 100 + percent : 100 - percent).movePointLeft(2);
        BigDecimal moved = price.multiply(factor).setScale(2, RoundingMode.HALF_UP).max(CENT);
        return moved.compareTo(price) == 0 ? moved.add(CENT) : moved;
    }

    @FunctionalInterface
    private interface Chosen {
        void accept(ResultSet row) throws SQLException;
    }
}
