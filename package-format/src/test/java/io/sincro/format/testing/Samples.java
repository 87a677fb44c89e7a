package io.sincro.format.testing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Order;
import io.sincro.format.rows.OrderLine;
import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.format.rows.Origin;
import io.sincro.format.rows.PriceList;
import io.sincro.format.rows.PriceListRow;
import io.sincro.format.rows.Product;
import io.sincro.format.rows.SpecialPrice;
import io.sincro.format.seal.Sealing;
import io.sincro.format.xml.PackageXml;

/** Rows and headers for package tests, with plain values a test can predict. */
public final class Samples {

    public static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    /** Loading JAXB and the schema takes a moment: one for the whole test run. */
    public static final PackageXml XML = new PackageXml();

    private Samples() {
    }

    /** Package files with the standard limits and SHA-256 seals. */
    public static PackageFiles files() {
        return files(ReadLimits.standard());
    }

    public static PackageFiles files(ReadLimits limits) {
        return new PackageFiles(XML, Sealing.sha256(), limits);
    }

    /** A full package's header with no counts (the writer fills them in). */
    public static PackageHeader header(PackageStream stream, long sequence) {
        return new PackageHeader(PackageHeader.FORMAT_VERSION, stream, sequence, PackageKind.FULL, 0, T0,
                OffsetDateTime.parse("2026-03-02T09:00:00+01:00"), List.of(), List.of());
    }

    public static PriceList priceList(String code) {
        return new PriceList(code, "List " + code);
    }

    public static Product product(String code) {
        return new Product(code, "Product " + code, "PZ", new BigDecimal("22.00"), true);
    }

    public static PriceListRow price(String list, String product, String price) {
        return new PriceListRow(list, product, new BigDecimal(price));
    }

    /** A customer of the head office, assigned to no agent. */
    public static Customer customer(String code) {
        return new Customer(code, "Customer " + code, "IT01234567890", "Via Roma 1", "Milano", null, null, null,
                null, Origin.HEAD_OFFICE, T0);
    }

    /** A customer agent {@code agent} created, in its own series. */
    public static Customer agentCustomer(String code, String agent) {
        return new Customer(code, "Customer " + code, "IT01234567890", "Via Roma 1", "Milano", null, null, agent,
                null, Origin.AGENT, T0);
    }

    public static SpecialPrice specialPrice(String customer, String product, String price, Instant at, String by) {
        return new SpecialPrice(customer, product, new BigDecimal(price), new BigDecimal("0.00"), at, by);
    }

    /** An order of agent {@code agent}, number {@code number}, one line per product. */
    public static Order order(String agent, int number, String customer, OrderStatus status, String... products) {
        List<OrderLine> lines = new ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            lines.add(new OrderLine(i + 1, products[i], new BigDecimal("2.000"), new BigDecimal("10.5000"),
                    new BigDecimal("5.00")));
        }
        return new Order(new OrderNumber(agent, number), agent, customer, status, LocalDate.of(2026, 3, 2),
                LocalDate.of(2026, 3, 9), "ring before delivery", T0, lines);
    }
}
