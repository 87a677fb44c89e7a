package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.testing.Sql;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderLine;
import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.format.rows.SpecialPrice;
import io.sincro.rules.flow.ValueLimits;

/**
 * The head office checks every value an agent sends, even under the agent's genuine key (a broken or
 * tampered station): each bound refuses the package naming the row and the rule, and nothing of it
 * is stored; through the real sync and a real FTP server.
 */
class ValuesTest {

    private static final String A01_PRICE = "SELECT price FROM special_price WHERE customer_code = 'C00001'"
            + " AND product_code = 'P00081'";

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01");

    @Test
    void aNegativeQuantityIsRefusedNamingTheLine() throws IOException {
        assertRefused(rows -> rows.order(order(1, "C00001", line("-5", "10.00", "0"))),
                "order A01/900001 line 1 has quantity -5, and a quantity is above 0");
    }

    @Test
    void aQuantityAboveTheBoundIsRefused() throws IOException {
        assertRefused(rows -> rows.order(order(1, "C00001", line("1000001", "10.00", "0"))),
                "has quantity 1000001", "sync.maxQuantity");
    }

    @Test
    void aNegativePriceIsRefused() throws IOException {
        assertRefused(rows -> rows.order(order(1, "C00001", line("1", "-0.01", "0"))),
                "order A01/900001 line 1 has price -0.01, and a price is 0 or more");
    }

    @Test
    void aDiscountAbove100PercentIsRefused() throws IOException {
        assertRefused(rows -> rows.specialPrice(new SpecialPrice("C00001", "P00081", new BigDecimal("10.00"),
                new BigDecimal("100.5"), company.hqClock.instant(), "A01")),
                "special price C00001/P00081 has discount 100.5%, and a discount is 0 to 100%");
    }

    @Test
    void aSpecialPriceStampedInTheYear9999IsRefusedAndLaterEditsStayInTheirYear() throws IOException {
        assertRefused(rows -> rows.specialPrice(new SpecialPrice("C00001", "P00081", new BigDecimal("10.00"),
                BigDecimal.ZERO, Instant.parse("9999-12-31T23:59:59.999Z"), "A01")),
                "special price C00001/P00081 is stamped 9999-12-31T23:59:59.999Z, later than this station's clock");

        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.sync("A01");
        company.syncHeadOffice();

        assertThat(Sql.column(company.hq, "SELECT YEAR(updated_at) FROM special_price WHERE customer_code = 'C00001'"
                + " AND product_code = 'P00081'")).containsExactly("2026");
    }

    @Test
    void anOrderForAnotherAgentsCustomerIsRefused() throws IOException {
        assertRefused(rows -> rows.order(order(1, "C00023", line("1", "10.00", "0"))),
                "order A01/900001 is for customer C00023, who is agent A02's");
    }

    @Test
    void morePackagedOrdersThanTheCapAreRefused() throws IOException {
        company.with(new SyncOptions(Duration.ofHours(1), 30, Duration.ofMinutes(5), 50,
                new ValueLimits(new BigDecimal("1000000"), new BigDecimal("10000000"), Duration.ofHours(48), 3, 100)));

        assertRefused(rows -> {
            for (int i = 1; i <= 4; i++) {
                rows.order(order(i, "C00001", line("1", "10.00", "0")));
            }
        }, "order A01/900004 is one order more than the 3 one package may carry");
    }

    /** A package under A01's genuine key: the head office refuses it with {@code expected} and stores nothing. */
    private void assertRefused(PackageFiles.Content<RuntimeException> rows, String... expected) throws IOException {
        Forger forger = new Forger(company);
        long next = Forger.lastWritten(company.agent("A01"), PackageStream.fromAgent("A01")) + 1;
        List<List<String>> orders = Sql.rows(company.hq, "SELECT series, number FROM customer_order ORDER BY 1, 2");
        forger.forge(forger.keysOf("A01"), PackageStream.fromAgent("A01"), next, PackageKind.DELTA, 0, rows);

        SyncReport report = company.syncHeadOffice();

        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("A01_to_HQ_" + Forger.nine(next))
                .contains(expected));
        assertThat(Sql.rows(company.hq, "SELECT series, number FROM customer_order ORDER BY 1, 2")).isEqualTo(orders);
        assertThat(Sql.column(company.hq, A01_PRICE)).containsExactly("32.6200");
    }

    private Order order(int n, String customer, OrderLine... lines) {
        return new Order(new OrderNumber("A01", 900_000 + n), "A01", customer, OrderStatus.SUBMITTED,
                LocalDate.of(2026, 3, 2), null, null, company.hqClock.instant(), new ArrayList<>(List.of(lines)));
    }

    private static OrderLine line(String quantity, String price, String discount) {
        return new OrderLine(1, "P00001", new BigDecimal(quantity), new BigDecimal(price), new BigDecimal(discount));
    }
}
