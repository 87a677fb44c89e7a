package io.sincro.office.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.CustomerExports;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderExports;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPriceExports;

/**
 * Hands what the agents sent on to the back-end as CSV, each customer, special-price edit and order
 * once unless asked again: the rows are marked exported in the same transaction that reads them,
 * and the file appears under its name only after that commit. Each file's header is that of the
 * head office's import of the same kind, so the back-end (or the head office) can load it again;
 * every cell is {@link SpreadsheetSafe}.
 */
public final class BackEndExport {

    /** customers.csv, as the head office's import reads it. */
    static final List<String> CUSTOMER_COLUMNS = List.of("code", "name", "vat_number", "address", "city", "email",
            "phone", "agent", "price_list");
    /** special-prices.csv, as the head office's import reads it. */
    static final List<String> SPECIAL_PRICE_COLUMNS = List.of("customer", "product", "price", "discount");
    /**
     * orders.csv, one row per line: the order, its customer as the back-end needs it to invoice
     * (name, VAT number, address), the line and the amounts.
     */
    public static final List<String> ORDER_COLUMNS = List.of("order", "series", "number", "agent", "customer",
            "customer_name", "vat_number", "address", "city", "order_date", "delivery_date", "notes", "status", "line",
            "product", "quantity", "unit_price", "discount", "line_amount", "order_total");

    private static final Logger log = LoggerFactory.getLogger(BackEndExport.class);

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final Database company;
    private final CustomerExports customerExports = new CustomerExports();
    private final SpecialPriceExports priceExports = new SpecialPriceExports();
    private final OrderExports orderExports = new OrderExports();
    private final Customers customers = new Customers();

    public BackEndExport(Database company) {
        if (!company.station().isHeadOffice()) {
            throw new ExportException("the back-end's files are written at the head office, and " + company
                    + " belongs to " + company.station() + "; run the export with the head office's settings");
        }
        this.company = company;
    }

    /**
     * Where an export of {@code kind} made at {@code at} goes when no file is named: the station's
     * {@code exports/KIND-DATE-TIME.csv} (UTC), with {@code -2}, {@code -3}... when an export of the
     * same second took that name.
     */
    public static Path fileIn(Path stationFolder, ExportKind kind, Instant at) {
        Path folder = stationFolder.resolve("exports");
        String stem = kind.label() + "-" + STAMP.format(at);
        Path file = folder.resolve(stem + ".csv");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve(stem + "-" + n + ".csv");
        }
        return file;
    }

    static List<String> columns(ExportKind kind) {
        return switch (kind) {
            case CUSTOMERS -> CUSTOMER_COLUMNS;
            case SPECIAL_PRICES -> SPECIAL_PRICE_COLUMNS;
            case ORDERS -> ORDER_COLUMNS;
        };
    }

    /**
     * Writes what the back-end has not had yet of {@code kind} (all of it when {@code again}) to
     * {@code file}, which must not exist.
     */
    public ExportSummary export(ExportKind kind, Path file, boolean again) {
        if (Files.exists(file)) {
            throw new ExportException(file + " already exists; name a new file, the export never overwrites one");
        }
        Instant now = company.clock().instant();
        Path folder = file.toAbsolutePath().getParent();
        Path temporary;
        try {
            Files.createDirectories(folder);
            temporary = Files.createTempFile(folder, "." + file.getFileName(), ".part");
        } catch (IOException e) {
            throw new ExportException("could not write in " + folder + " (" + e.getMessage()
                    + "); check that the folder exists and may be written, or name another with --out", e);
        }
        long[] counts = new long[2];
        boolean[] moved = new boolean[1];
        try {
            company.useTransaction(c -> {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                             .setHeader(columns(kind).toArray(String[]::new)).setRecordSeparator('\n').build())) {
                    switch (kind) {
                        case CUSTOMERS -> customerExports.toExport(c, again, customer -> {
                            print(csv, customerRow(customer));
                            customerExports.markExported(c, customer.code(), now);
                            counts[0]++;
                            counts[1]++;
                        });
                        case SPECIAL_PRICES -> priceExports.toExport(c, again, price -> {
                            print(csv, priceRow(price));
                            priceExports.markExported(c, price, now);
                            counts[0]++;
                            counts[1]++;
                        });
                        case ORDERS -> orderExports.toExport(c, again, (order, lines) -> {
                            printOrder(c, csv, order, lines);
                            orderExports.markExported(c, order.number(), now);
                            counts[0]++;
                            counts[1] += Math.max(1, lines.size());
                        });
                    }
                    if (counts[0] > 0) {
                        // on the disk and under its name before the rows are committed as exported: a
                        // crash after the commit cannot lose the file; one before it leaves the rows
                        // unmarked, and the next export writes them again
                        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                            channel.force(true);
                        }
                        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
                        moved[0] = true;
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            deleteIfLeft(temporary);
            throw new ExportException("could not write the export " + file + " (" + e.getCause().getMessage() + "); nothing was"
                    + " marked exported, so the next export writes it all; check the folder, or name another file"
                    + " with --out", e);
        } catch (RuntimeException e) {
            deleteIfLeft(moved[0] ? file : temporary);
            throw e;
        }
        if (counts[0] == 0) {
            deleteIfLeft(temporary);
            return new ExportSummary(kind, 0, 0, null);
        }
        ExportSummary summary = new ExportSummary(kind, counts[0], counts[1], file);
        log.info("exported {} to {}", summary, file);
        return summary;
    }

    private static Object[] customerRow(Customer customer) {
        return new Object[] {customer.code(), customer.name(), customer.vatNumber(), customer.address(),
            customer.city(), customer.email(), customer.phone(), customer.agentCode(), customer.priceListCode()};
    }

    private static Object[] priceRow(SpecialPrice price) {
        return new Object[] {price.customerCode(), price.productCode(), price.price().toPlainString(),
            price.discount().toPlainString()};
    }

    private void printOrder(Connection c, CSVPrinter csv, Order order, List<OrderLine> lines) throws SQLException {
        Optional<Customer> customer = customers.find(c, order.customerCode());
        BigDecimal total = lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        if (lines.isEmpty()) {
            print(csv, orderRow(order, customer, null, total));
        }
        for (OrderLine line : lines) {
            print(csv, orderRow(order, customer, line, total));
        }
    }

    private static Object[] orderRow(Order order, Optional<Customer> customer, OrderLine line, BigDecimal total) {
        return new Object[] {
            order.number(), order.number().series(), order.number().number(), order.agentCode(), order.customerCode(),
            customer.map(Customer::name).orElse(null), customer.map(Customer::vatNumber).orElse(null),
            customer.map(Customer::address).orElse(null), customer.map(Customer::city).orElse(null),
            order.orderDate(), order.deliveryDate(), order.notes(), order.status().label(),
            line == null ? null : line.lineNo(),
            line == null ? null : line.productCode(),
            line == null ? null : line.quantity().toPlainString(),
            line == null ? null : line.unitPrice().toPlainString(),
            line == null ? null : line.discount().toPlainString(),
            line == null ? null : line.amount().toPlainString(),
            total.toPlainString()
        };
    }

    private static void print(CSVPrinter csv, Object[] row) {
        Object[] safe = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            safe[i] = SpreadsheetSafe.cell(row[i] == null ? null : row[i].toString());
        }
        try {
            csv.printRecord(safe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteIfLeft(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            log.warn("could not remove the temporary export file {}: {}", temporary, e.toString());
        }
    }
}
