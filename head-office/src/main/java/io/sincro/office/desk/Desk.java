package io.sincro.office.desk;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.db.orders.Orders;
import io.sincro.rules.conflicts.CustomerDifferences;

/**
 * The head office's view of what arrived: the orders (the agents' and those it entered on their
 * behalf) and the customers, with what an agent sent that differs. Reads only.
 */
public final class Desk {

    private static final String ORDERS = """
            SELECT series, number FROM customer_order
            WHERE (CAST(? AS VARCHAR(10)) IS NULL OR agent_code = ?)
              AND (CAST(? AS VARCHAR(12)) IS NULL OR status = ?)
              AND (CAST(? AS DATE) IS NULL OR order_date >= ?)
              AND (CAST(? AS DATE) IS NULL OR order_date <= ?)
            ORDER BY order_date DESC, series, number DESC
            FETCH FIRST ? ROWS ONLY
            """;
    private static final String CUSTOMERS = """
            SELECT code FROM customer
            WHERE (CAST(? AS VARCHAR(10)) IS NULL OR agent_code = ?)
              AND (CAST(? AS VARCHAR(12)) IS NULL OR origin = ?)
              AND (CAST(? AS VARCHAR(120)) IS NULL OR LOCATE(?, UPPER(code)) > 0 OR LOCATE(?, UPPER(name)) > 0
                   OR LOCATE(?, UPPER(COALESCE(city, ''))) > 0 OR LOCATE(?, COALESCE(vat_number, '')) > 0)
            ORDER BY code
            FETCH FIRST ? ROWS ONLY
            """;
    private static final String SPECIAL_PRICES_OF = "SELECT COUNT(*) FROM special_price WHERE customer_code = ?";

    private final Database company;
    private final Orders orders = new Orders();
    private final OrderStatuses statuses = new OrderStatuses();
    private final Customers customers = new Customers();
    private final CustomerDifferences differences = new CustomerDifferences();

    public Desk(Database company) {
        if (!company.station().isHeadOffice()) {
            throw new IllegalArgumentException("this is the head office's desk, and " + company + " belongs to "
                    + company.station() + "; run the command with the head office's settings");
        }
        this.company = company;
    }

    /** The orders {@code query} asks for, newest first, without their status history. */
    public List<ReceivedOrder> orders(OrderQuery query) {
        return company.inTransaction(c -> {
            List<ReceivedOrder> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(ORDERS)) {
                text(s, 1, query.agent());
                text(s, 3, query.status() == null ? null : query.status().name());
                date(s, 5, query.from());
                date(s, 7, query.to());
                s.setInt(9, query.limit());
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next()) {
                        OrderNumber number = new OrderNumber(rows.getString(1), rows.getInt(2));
                        found.add(load(c, number, false).orElseThrow());
                    }
                }
            }
            return found;
        });
    }

    /** One order with its lines and status history; empty when there is no such order. */
    public Optional<ReceivedOrder> order(OrderNumber number) {
        return company.inTransaction(c -> load(c, number, true));
    }

    /**
     * The customers assigned to {@code agent} (any, when null), created by {@code origin}'s side
     * (any, when null), whose code, name, city or VAT number holds {@code text} (any, when null);
     * only those with a differing version when {@code differing}; in code order, at most {@code limit}.
     */
    public List<CustomerFile> customers(String agent, Origin origin, String text, boolean differing, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("--limit must be at least 1, not " + limit);
        }
        return company.inTransaction(c -> {
            Set<String> withDifferences = new HashSet<>(differences.customers(c));
            List<CustomerFile> found = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(CUSTOMERS)) {
                text(s, 1, agent);
                text(s, 3, origin == null ? null : origin.name());
                String upper = text == null || text.isBlank() ? null : text.strip().toUpperCase(Locale.ROOT);
                for (int i = 5; i <= 9; i++) {
                    if (upper == null) {
                        s.setNull(i, Types.VARCHAR);
                    } else {
                        s.setString(i, upper);
                    }
                }
                s.setInt(10, differing ? Integer.MAX_VALUE : limit);
                try (ResultSet rows = s.executeQuery()) {
                    while (rows.next() && found.size() < limit) {
                        String code = rows.getString(1);
                        if (!differing || withDifferences.contains(code)) {
                            found.add(file(c, customers.find(c, code).orElseThrow()));
                        }
                    }
                }
            }
            return found;
        });
    }

    /** One customer with its figures and what an agent sent that differs; empty when there is none. */
    public Optional<CustomerFile> customer(String code) {
        return company.inTransaction(c -> {
            Optional<Customer> customer = customers.find(c, code);
            return customer.isEmpty() ? Optional.<CustomerFile>empty() : Optional.of(file(c, customer.get()));
        });
    }

    private CustomerFile file(Connection c, Customer customer) throws SQLException {
        long prices;
        try (PreparedStatement s = c.prepareStatement(SPECIAL_PRICES_OF)) {
            s.setString(1, customer.code());
            try (ResultSet rows = s.executeQuery()) {
                rows.next();
                prices = rows.getLong(1);
            }
        }
        return new CustomerFile(customer, prices, orders.countOfCustomer(c, customer.code()),
                differences.of(c, customer.code()));
    }

    private Optional<ReceivedOrder> load(Connection c, OrderNumber number, boolean withHistory) throws SQLException {
        Optional<Order> order = orders.find(c, number);
        if (order.isEmpty()) {
            return Optional.empty();
        }
        List<OrderLine> lines = orders.lines(c, number);
        return Optional.of(new ReceivedOrder(order.get(), customers.find(c, order.get().customerCode()).orElse(null),
                lines, ReceivedOrder.totalOf(lines), statuses.find(c, number).orElseThrow(),
                withHistory ? statuses.history(c, number) : List.of()));
    }

    private static void text(PreparedStatement s, int index, String value) throws SQLException {
        for (int i = index; i <= index + 1; i++) {
            if (value == null) {
                s.setNull(i, Types.VARCHAR);
            } else {
                s.setString(i, value);
            }
        }
    }

    private static void date(PreparedStatement s, int index, LocalDate value) throws SQLException {
        for (int i = index; i <= index + 1; i++) {
            if (value == null) {
                s.setNull(i, Types.DATE);
            } else {
                s.setDate(i, Date.valueOf(value));
            }
        }
    }
}
