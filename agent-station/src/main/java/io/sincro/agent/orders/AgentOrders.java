package io.sincro.agent.orders;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.agent.prices.Discount;
import io.sincro.agent.prices.EffectivePrice;
import io.sincro.agent.prices.Price;
import io.sincro.agent.prices.Pricing;
import io.sincro.agent.work.AgentContext;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Database;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;
import io.sincro.db.changes.ChangeSource;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.orders.OrderStatuses;
import io.sincro.db.orders.Orders;
import io.sincro.db.orders.PackagedUpTo;
import io.sincro.db.orders.StatusChange;

/**
 * The agent's orders: drafts written offline, checked and submitted to the outbound queue (seed
 * 002's two steps), and followed up with what the head office reports back. Only a draft can be
 * changed; a submitted or sent order can be copied into a new draft.
 */
public final class AgentOrders {

    private static final Logger log = LoggerFactory.getLogger(AgentOrders.class);

    private static final Pattern JUST_A_NUMBER = Pattern.compile("\\d{1,9}");

    private final Database db;
    private final Clock clock;
    private final Drafts drafts;
    private final Orders orders = new Orders();
    private final OrderSummaries summaries = new OrderSummaries();
    private final OrderStatuses statuses = new OrderStatuses();
    private final Products products = new Products();
    private final Pricing pricing = new Pricing();
    private final Stock stock = new Stock();
    private final Customers customers = new Customers();

    public AgentOrders(AgentContext context) {
        Objects.requireNonNull(context, "context");
        this.db = context.db();
        this.clock = context.clock();
        this.drafts = new Drafts(clock, context.agentCode());
    }

    /**
     * Reads an order number as the agent types it: A01/000042, or just 42 for this station's own
     * series.
     */
    public OrderNumber number(String text) {
        String trimmed = text == null ? "" : text.trim();
        try {
            if (JUST_A_NUMBER.matcher(trimmed).matches()) {
                return new OrderNumber(drafts.agentCode(), Integer.parseInt(trimmed));
            }
            return OrderNumber.parse(trimmed);
        } catch (IllegalArgumentException e) {
            throw new AgentWorkException("'" + text + "' is not an order number; write it as "
                    + drafts.agentCode() + "/000042, or just 42 for this station's own orders");
        }
    }

    /** A new draft order for the customer, numbered in this station's own series, dated today. */
    public Order create(String customerCode, String notes) {
        return db.inTransaction(c -> drafts.create(c, drafts.customer(c, customerCode), notes));
    }

    /**
     * Adds a line to a draft. The product must be active; the price, when not given, is the
     * customer's effective price (special price, else its price list), and an error says so when
     * there is none. Returns the line as stored, with its number.
     */
    public OrderLine addLine(OrderNumber number, NewLine line) {
        Objects.requireNonNull(line, "line");
        return db.inTransaction(c -> {
            // a submitted order is refused before its figures are looked at: fixing them would not help
            Order order = drafts.editable(c, number);
            Quantity quantity = new Quantity(line.quantity());
            Optional<Price> givenPrice = Optional.ofNullable(line.price()).map(Price::of);
            Optional<Discount> givenDiscount = Optional.ofNullable(line.discount()).map(Discount::of);
            Product product = products.find(c, line.productCode())
                    .orElseThrow(() -> AgentWorkException.unknownProduct(line.productCode()));
            if (!product.active()) {
                throw new AgentWorkException("product " + product.code() + " is inactive since the last catalog update,"
                        + " so it can no longer be ordered; choose another product ('sincro product search TEXT')");
            }
            BigDecimal unitPrice;
            BigDecimal discount;
            if (givenPrice.isPresent()) {
                unitPrice = givenPrice.get().value();
                discount = givenDiscount.orElse(Discount.NONE).percent();
            } else {
                EffectivePrice effective = pricing.require(c, drafts.customer(c, order.customerCode()), product.code());
                unitPrice = effective.price();
                discount = givenDiscount.map(Discount::percent).orElse(effective.discount());
            }
            OrderLine stored = orders.addLine(c, number,
                    new OrderLine(0, product.code(), quantity.value(), unitPrice, discount), clock.instant());
            log.debug("order {}: line {} added ({} x {})", number, stored.lineNo(), product.code(), quantity.value());
            return stored;
        });
    }

    /** Removes a line from a draft; the other lines keep their numbers. Returns the removed line. */
    public OrderLine removeLine(OrderNumber number, int lineNo) {
        return db.inTransaction(c -> {
            drafts.editable(c, number);
            List<OrderLine> lines = orders.lines(c, number);
            OrderLine line = lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
                    .orElseThrow(() -> noSuchLine(number, lineNo, lines));
            orders.removeLine(c, number, lineNo, clock.instant());
            return line;
        });
    }

    /**
     * Sets the quantity of a draft's line, keeping its product, price and discount. Returns the
     * line as it is now.
     */
    public OrderLine changeQuantity(OrderNumber number, int lineNo, BigDecimal quantity) {
        return db.inTransaction(c -> {
            drafts.editable(c, number);
            Quantity wanted = new Quantity(quantity);
            List<OrderLine> lines = orders.lines(c, number);
            OrderLine line = lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
                    .orElseThrow(() -> noSuchLine(number, lineNo, lines));
            orders.changeQuantity(c, number, lineNo, wanted.value(), clock.instant());
            log.debug("order {}: line {} now {} x {}", number, lineNo, wanted.value(), line.productCode());
            return new OrderLine(lineNo, line.productCode(), wanted.value(), line.unitPrice(), line.discount());
        });
    }

    /**
     * Sets what a draft asks besides its lines: its notes and the delivery date the customer
     * requests (null for none), which may not be before the order's date.
     */
    public Order changeRequest(OrderNumber number, String notes, LocalDate deliveryDate) {
        return db.inTransaction(c -> {
            Order order = drafts.editable(c, number);
            if (deliveryDate != null && deliveryDate.isBefore(order.orderDate())) {
                throw new AgentWorkException("the requested delivery date " + deliveryDate + " is before the order's"
                        + " date " + order.orderDate() + "; give a date from " + order.orderDate() + " on, or none");
            }
            String trimmed = notes == null || notes.isBlank() ? null : notes.strip();
            orders.changeRequest(c, number, trimmed, deliveryDate, clock.instant());
            return orders.find(c, number).orElseThrow();
        });
    }

    /**
     * The lines of the order that ask for more than the stock the head office last published: a
     * warning, never a refusal (the head office may deliver later or from elsewhere). Products
     * whose stock is unknown give none.
     */
    public List<StockWarning> stockWarnings(OrderNumber number) {
        return db.inTransaction(c -> {
            drafts.order(c, number);
            List<OrderLine> lines = orders.lines(c, number);
            // the lines' stock in one statement, not one per line
            Map<String, BigDecimal> stocks = stock.quantities(c, lines.stream().map(OrderLine::productCode).toList());
            List<StockWarning> warnings = new ArrayList<>();
            for (OrderLine line : lines) {
                BigDecimal available = stocks.get(line.productCode());
                if (available != null && line.quantity().compareTo(available) > 0) {
                    warnings.add(new StockWarning(number, line.lineNo(), line.productCode(), line.quantity(),
                            available));
                }
            }
            return warnings;
        });
    }

    /**
     * Takes a submitted order back to draft, to change or drop it, as long as it has not left:
     * no package of the outbound queue carries it yet. {@code packagedUpTo} reads the highest change
     * stamp the station's outbound packages cover (sync's SyncStatus.packagedUpTo()) in this
     * transaction, which a package written meanwhile cannot slip past (OrderStatuses.withdraw).
     */
    public Order withdraw(OrderNumber number, PackagedUpTo packagedUpTo) {
        return db.inTransaction(c -> {
            Order order = drafts.order(c, number);
            if (order.status() == OrderStatus.DRAFT) {
                throw new AgentWorkException("order " + number + " is a draft, not submitted: there is nothing to"
                        + " withdraw; change it or leave it unsubmitted");
            }
            if (order.status() != OrderStatus.SUBMITTED) {
                throw new AgentWorkException("order " + number + " already left for the head office (status "
                        + order.status() + "), so it can no longer be withdrawn; ask the head office to reject it");
            }
            if (!statuses.withdraw(c, number, packagedUpTo, clock.instant(), drafts.agentCode())) {
                throw new AgentWorkException("order " + number + " is already in a package of the outbound queue, which"
                        + " the next sync sends, so it can no longer be withdrawn; once the head office has it, ask it"
                        + " to reject it");
            }
            log.info("order {} withdrawn back to draft", number);
            return orders.find(c, number).orElseThrow();
        });
    }

    /** The order with its lines, their amounts and the total. */
    public OrderDetails show(OrderNumber number) {
        return db.inTransaction(c -> drafts.details(c, drafts.order(c, number)));
    }

    /** Orders matching the filter, newest first, each with its line count and total. */
    public List<OrderSummary> list(OrderFilter filter) {
        Objects.requireNonNull(filter, "filter");
        return db.inTransaction(c -> {
            if (filter.customerCode() != null) {
                drafts.customer(c, filter.customerCode());
            }
            return summaries.list(c, filter);
        });
    }

    /**
     * A new draft with the same products and quantities as {@code source} (any status: copying is
     * how a sent order is "changed"), for the same customer or for {@code customerCode} when given.
     * Every line is priced for that customer today; lines that cannot be are left out and listed.
     */
    public DraftOrder copy(OrderNumber source, String customerCode) {
        return db.inTransaction(c -> {
            Order original = drafts.order(c, source);
            Customer customer = drafts.customer(c, customerCode == null ? original.customerCode() : customerCode);
            Order copy = drafts.create(c, customer, original.notes());
            List<Drafts.Wanted> wanted = orders.lines(c, source).stream()
                    .map(l -> new Drafts.Wanted(l.productCode(), l.quantity())).toList();
            log.info("order {} copied from {}", copy.number(), source);
            return drafts.fill(c, copy, customer, wanted);
        });
    }

    /**
     * Seed 002's first step on its own: every reason the order cannot be submitted, each a sentence
     * naming the line and what to do; empty when it can be.
     */
    public List<String> check(OrderNumber number) {
        return db.inTransaction(c -> problems(c, drafts.order(c, number)));
    }

    /**
     * Checks the order and, only when nothing is wrong, submits it: it becomes read-only and joins
     * the outbound queue, which the next sync sends. Otherwise nothing changes and the error lists
     * every problem at once.
     */
    public Order submit(OrderNumber number) {
        return db.inTransaction(c -> {
            Order order = drafts.order(c, number);
            if (order.status() == OrderStatus.SUBMITTED) {
                throw new AgentWorkException("order " + number + " is already submitted and waits in the outbound"
                        + " queue; it leaves at the next sync ('sincro sync')");
            }
            if (order.status().isReadOnlyAtAgent()) {
                throw new AgentWorkException("order " + number + " was already sent to the head office (status "
                        + order.status() + "); see what happened to it with 'sincro order status " + number + "'");
            }
            List<String> problems = problems(c, order);
            if (!problems.isEmpty()) {
                throw new AgentWorkException("order " + number + " was not submitted: " + count(problems.size())
                        + " to fix first: " + String.join("; ", problems), problems);
            }
            // a local change: a submitted order travels even if it was created before the last package
            statuses.change(c, new StatusChange(number, OrderStatus.SUBMITTED, null, null, clock.instant(),
                    drafts.agentCode()), ChangeSource.LOCAL);
            log.info("order {} submitted to the outbound queue", number);
            return orders.find(c, number).orElseThrow();
        });
    }

    /** What is known about one order's progress, including what the head office reported. */
    public OrderStatusReport status(OrderNumber number) {
        return db.inTransaction(c -> report(c, drafts.order(c, number)));
    }

    /** The progress of every order past draft, newest first. */
    public List<OrderStatusReport> statuses() {
        return db.inTransaction(c -> {
            List<Order> past = orders.search(c, null, null, OrderFilter.DEFAULT_LIMIT).stream()
                    .filter(o -> o.status() != OrderStatus.DRAFT).toList();
            // every order's status in one query, not one per order
            Map<OrderNumber, StatusChange> found = statuses.ofOrders(c, past.stream().map(Order::number).toList());
            Map<String, String> names = customers.names(c, past.stream().map(Order::customerCode).toList());
            List<OrderStatusReport> reports = new ArrayList<>();
            for (Order order : past) {
                reports.add(new OrderStatusReport(found.get(order.number()), order.customerCode(),
                        names.get(order.customerCode()), order.orderDate(),
                        OrderStatusReport.meaningOf(found.get(order.number()))));
            }
            return reports;
        });
    }

    private List<String> problems(Connection c, Order order) throws SQLException {
        List<String> problems = new ArrayList<>();
        String number = order.number().toString();
        if (drafts.customerName(c, order.customerCode()) == null) {
            problems.add("customer " + order.customerCode() + " is no longer on this station; copy the order to"
                    + " another customer with 'sincro order copy " + number + " --customer CODE'");
        }
        List<OrderLine> lines = orders.lines(c, order.number());
        if (lines.isEmpty()) {
            problems.add("the order has no lines; add one with 'sincro order add-line " + number + " PRODUCT QUANTITY'");
        }
        for (OrderLine line : lines) {
            String at = "line " + line.lineNo() + ": ";
            Optional<Product> product = products.find(c, line.productCode());
            if (product.isEmpty()) {
                problems.add(at + "product " + line.productCode() + " is not in the catalog; remove line " + line.lineNo());
            } else if (!product.get().active()) {
                problems.add(at + "product " + line.productCode() + " is inactive since the last catalog update;"
                        + " remove line " + line.lineNo() + " or choose another product");
            }
            if (line.quantity().signum() <= 0) {
                problems.add(at + "quantity " + line.quantity().stripTrailingZeros().toPlainString()
                        + " is not above zero; remove line " + line.lineNo() + " and add it again with a quantity above zero");
            }
            if (line.unitPrice().signum() <= 0) {
                problems.add(at + "product " + line.productCode() + " has no price; remove line " + line.lineNo()
                        + " and add it again with --price");
            }
        }
        return problems;
    }

    private OrderStatusReport report(Connection c, Order order) throws SQLException {
        StatusChange status = statuses.find(c, order.number()).orElseThrow();
        return new OrderStatusReport(status, order.customerCode(), drafts.customerName(c, order.customerCode()),
                order.orderDate(), OrderStatusReport.meaningOf(status));
    }

    private static AgentWorkException noSuchLine(OrderNumber number, int lineNo, List<OrderLine> lines) {
        return new AgentWorkException("order " + number + " has no line " + lineNo
                + (lines.isEmpty() ? " (it has no lines)" : "; its lines are " + lineNumbers(lines))
                + "; see them with 'sincro order show " + number + "'");
    }

    private static String lineNumbers(List<OrderLine> lines) {
        return String.join(", ", lines.stream().map(l -> String.valueOf(l.lineNo())).toList());
    }

    private static String count(int problems) {
        return problems == 1 ? "1 problem" : problems + " problems";
    }
}
