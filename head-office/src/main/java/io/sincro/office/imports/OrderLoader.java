package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.sincro.db.Change;
import io.sincro.db.Station;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderExports;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.Orders;
import io.sincro.office.orders.HeadOfficeOrder;
import io.sincro.office.orders.HeadOfficeOrders;
import io.sincro.office.orders.OrderException;

/**
 * orders.csv: orders the head office enters on agents' behalf, one row per line: order (the
 * back-end's own reference; the lines of one order share it), agent, customer, product, quantity,
 * and optionally unit_price and discount (else the customer's prices), order_date, delivery_date,
 * notes. Each order is numbered in the head office's series and never sent to the agent; one whose
 * reference was loaded before is left alone, so loading the file again enters nothing twice. The
 * file {@code sincro hq export orders} writes loads too: its orders are already here, and the
 * columns it adds (customer details, amounts, status) are not read.
 */
final class OrderLoader implements LineLoader<OrderLoader.Row> {

    /** One line of the file, with the line itself for messages. */
    record Row(CsvLine csv, String order, String agent, String customer, LocalDate orderDate, LocalDate deliveryDate,
               String notes, String lineKey, HeadOfficeOrder.Line line) {
    }

    private final HeadOfficeOrders headOffice = new HeadOfficeOrders();
    private final Orders orders = new Orders();
    private final OrderExports exports = new OrderExports();
    private final ZoneId zone;
    /** The orders this file entered, by the back-end's reference: their further lines join them. */
    private final Map<String, OrderNumber> entered = new HashMap<>();

    OrderLoader(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public List<String> requiredColumns() {
        return List.of("order", "agent", "customer", "product", "quantity");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("series", "number", "customer_name", "vat_number", "address", "city", "order_date",
                "delivery_date", "notes", "status", "line", "unit_price", "discount", "line_amount", "order_total");
    }

    @Override
    public Row read(Connection c, CsvLine line) throws SQLException {
        String order = line.text("order", 40);
        String lineNo = line.optionalText("line", 9);
        String product = line.code("product", 30);
        return new Row(line, order, line.code("agent", 10), line.code("customer", 20), date(line, "order_date"),
                date(line, "delivery_date"), line.optionalText("notes", 1000),
                lineNo != null ? lineNo : product,
                new HeadOfficeOrder.Line(product, line.decimal("quantity", null, null),
                        line.optionalDecimal("unit_price", null, null, null),
                        line.optionalDecimal("discount", null, null, null)));
    }

    private static LocalDate date(CsvLine line, String column) {
        String text = line.optionalText(column, 10);
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw line.problem(column, "'" + text + "' is not a date; write it as YYYY-MM-DD");
        }
    }

    @Override
    public String key(Row row) {
        return row.order() + "\u0000" + row.lineKey();
    }

    @Override
    public String keyColumn() {
        return "line";
    }

    @Override
    public Change save(Connection c, Row row, Instant now) throws SQLException {
        try {
            OrderNumber joining = entered.get(row.order());
            if (joining != null) {
                headOffice.addLine(c, joining, row.line(), now);
                return Change.INSERTED;
            }
            if (isHere(c, row)) {
                return Change.UNCHANGED;
            }
            Order order = headOffice.enter(c, new HeadOfficeOrder(row.agent(), row.customer(), row.orderDate(),
                    row.deliveryDate(), row.notes(), List.of(row.line()), row.order()), now, zone);
            // the back-end has it: it is not handed back to it
            exports.markExported(c, order.number(), now);
            entered.put(row.order(), order.number());
            return Change.INSERTED;
        } catch (OrderException e) {
            throw row.csv().problem("order", "order " + row.order() + ": " + e.getMessage());
        }
    }

    /**
     * Whether the order is here already: one of this database's orders (a file the export wrote),
     * or one entered from the back-end's reference before. An agent's number not here is refused:
     * only that agent's station creates its numbers.
     */
    private boolean isHere(Connection c, Row row) throws SQLException {
        Optional<OrderNumber> number = parse(row.order());
        if (number.isPresent()) {
            if (orders.find(c, number.get()).isPresent()) {
                return true;
            }
            if (!Station.HEAD_OFFICE_SERIES.equals(number.get().series())) {
                throw row.csv().problem("order", row.order() + " has the shape of agent " + number.get().series()
                        + "'s order numbers, which only that agent's station creates; give the back-end's own"
                        + " reference for a new order");
            }
        }
        return headOffice.fromBackEnd(c, row.order()).isPresent();
    }

    private static Optional<OrderNumber> parse(String text) {
        try {
            return Optional.of(OrderNumber.parse(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
