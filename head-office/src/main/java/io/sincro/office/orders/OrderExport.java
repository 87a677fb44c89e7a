package io.sincro.office.orders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Database;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderExports;
import io.sincro.db.orders.OrderLine;

/**
 * Hands the orders received from agents to the back-end as CSV, one row per order line, each order
 * exported once unless asked again. The orders are marked exported in the same transaction that
 * reads them, and the file appears under its name only after that commit.
 */
public final class OrderExport {

    static final List<String> COLUMNS = List.of("order", "series", "number", "agent", "customer", "order_date",
            "delivery_date", "notes", "line", "product", "quantity", "unit_price", "discount");

    private static final Logger log = LoggerFactory.getLogger(OrderExport.class);

    private final Database company;
    private final OrderExports orders = new OrderExports();

    public OrderExport(Database company) {
        this.company = company;
    }

    /**
     * Writes the orders not exported yet (every agent order when {@code again}) to {@code file},
     * which must not exist.
     */
    public ExportSummary export(Path file, boolean again) {
        if (Files.exists(file)) {
            throw new OrderException(file + " already exists; name a new file, the export never overwrites one");
        }
        Instant now = company.clock().instant();
        Path temporary;
        int[] counts = new int[2];
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            temporary = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".part");
        } catch (IOException e) {
            throw new OrderException("could not write in " + file.toAbsolutePath().getParent() + ": " + e, e);
        }
        try {
            company.useTransaction(c -> {
                try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8);
                     CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                             .setHeader(COLUMNS.toArray(String[]::new)).setRecordSeparator('\n').build())) {
                    orders.toExport(c, again, (order, lines) -> {
                        print(csv, order, lines);
                        orders.markExported(c, order.number(), now);
                        counts[0]++;
                        counts[1] += lines.size();
                    });
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            deleteIfLeft(temporary);
            throw new OrderException("could not write the export " + file + ": " + e.getCause()
                    + "; no order was marked exported", e);
        } catch (RuntimeException e) {
            deleteIfLeft(temporary);
            throw e;
        }
        if (counts[0] == 0) {
            deleteIfLeft(temporary);
            return new ExportSummary(0, 0, null);
        }
        try {
            // The orders are committed as exported: from here on the temporary file is the export.
            Files.move(temporary, file);
        } catch (IOException e) {
            throw new OrderException("the orders were written to " + temporary + " and marked exported, but the file"
                    + " could not be renamed to " + file + " (" + e + "); rename it by hand", e);
        }
        log.info("exported {} orders ({} lines) to {}", counts[0], counts[1], file);
        return new ExportSummary(counts[0], counts[1], file);
    }

    private static void print(CSVPrinter csv, Order order, List<OrderLine> lines) {
        try {
            if (lines.isEmpty()) {
                csv.printRecord(header(order, null));
            }
            for (OrderLine line : lines) {
                csv.printRecord(header(order, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object[] header(Order order, OrderLine line) {
        return new Object[] {
            order.number(), order.number().series(), order.number().number(), order.agentCode(), order.customerCode(),
            order.orderDate(), order.deliveryDate(), order.notes(),
            line == null ? null : line.lineNo(),
            line == null ? null : line.productCode(),
            line == null ? null : line.quantity().toPlainString(),
            line == null ? null : line.unitPrice().toPlainString(),
            line == null ? null : line.discount().toPlainString()
        };
    }

    private static void deleteIfLeft(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException e) {
            log.warn("could not remove the temporary export file {}: {}", temporary, e.toString());
        }
    }
}
