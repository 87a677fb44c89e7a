package io.sincro.rules.flow;

import java.sql.Connection;
import java.sql.SQLException;

import io.sincro.db.catalog.EmptyCatalog;
import io.sincro.format.Entity;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.PriceList;
import io.sincro.format.rows.PriceListRow;
import io.sincro.format.rows.Product;
import io.sincro.format.rows.Section;
import io.sincro.format.rows.SpecialPrice;
import io.sincro.format.rows.StockLevel;

/**
 * Takes an arriving package's rows: checks each against the flow table, hands it to its entity's
 * rule, and turns a reference to a row this station lacks into a clear refusal.
 */
final class Receiver implements FlowRules.Receiving {

    /** Derby's SQLState for a foreign key that points nowhere. */
    private static final String MISSING_REFERENCE = "23503";
    /** Derby's SQLState for a key already there. */
    private static final String DUPLICATE_KEY = "23505";

    private final Connection c;
    private final Arrival arrival;
    private final CatalogFlow catalog;
    private final CustomerFlow customers;
    private final SpecialPriceFlow specialPrices;
    private final OrderFlow orders;
    private final Tallies tallies = new Tallies();
    private final ValueRules values;
    /** Asked at the package's first catalog section (see CatalogFlow#loadIfEmpty). */
    private EmptyCatalog emptyCatalog;

    Receiver(Connection c, Arrival arrival, CatalogFlow catalog, CustomerFlow customers,
             SpecialPriceFlow specialPrices, OrderFlow orders) {
        this.c = c;
        this.arrival = arrival;
        this.catalog = catalog;
        this.customers = customers;
        this.specialPrices = specialPrices;
        this.orders = orders;
        this.values = new ValueRules(arrival);
    }

    @Override
    public void receive(Section arriving) throws SQLException {
        Section section = values.checking(arriving);
        for (Object item = section.peek(); item instanceof Deletion deletion; item = section.peek()) {
            section.take();
            deletion(deletion);
        }
        if (section.peek() == null) {
            return;
        }
        // once per section: a section holds rows of one entity, so its rows need no check each
        check(section.entity(), false);
        if (!load(section, arriving)) {
            for (Object row = section.take(); row != null; row = section.take()) {
                receiveRow(row);
            }
        }
    }

    /**
     * A whole section in one bulk insert, or a slice at a time, where its entity's rule allows it;
     * false when it does not. Orders are checked by their rule itself, each in turn as it comes to
     * it, so it takes them from the section as it arrived, {@code arriving}.
     */
    private boolean load(Section section, Section arriving) throws SQLException {
        Entity entity = section.entity();
        try {
            return switch (entity) {
                case PRICE_LISTS, PRODUCTS, PRICE_LIST_ROWS, STOCK -> catalog.loadIfEmpty(c, section, arrival, tallies,
                        emptyCatalog());
                case SPECIAL_PRICES -> specialPrices.loadIfEmpty(c, section, arrival, tallies);
                case ORDERS -> {
                    orders.receive(c, arriving, values, arrival, tallies);
                    yield true;
                }
                default -> false;
            };
        } catch (SQLException e) {
            if (DUPLICATE_KEY.equals(e.getSQLState())) {
                throw new PackageRefusedException(Reason.MALFORMED, "package " + arrival.where() + " holds the same"
                        + " row twice in its " + entity.section() + " section; it is damaged or was not written by"
                        + " Sincro, ask its sender for a new one", e);
            }
            if (!MISSING_REFERENCE.equals(e.getSQLState())) {
                throw e;
            }
            String what = "package " + arrival.where() + "'s " + entity.section() + " refer to " + switch (entity) {
                case PRICE_LIST_ROWS -> "price lists or products";
                case STOCK -> "products";
                default -> "customers or products";
            } + " this station does not have";
            throw missingReference(what, e);
        }
    }

    private EmptyCatalog emptyCatalog() throws SQLException {
        if (emptyCatalog == null) {
            emptyCatalog = EmptyCatalog.of(c);
        }
        return emptyCatalog;
    }

    private void receiveRow(Object row) throws SQLException {
        if (row instanceof PriceList list) {
            catalog.receive(c, RowMapping.toDatabase(list), arrival, tallies);
        } else if (row instanceof Product product) {
            catalog.receive(c, RowMapping.toDatabase(product), arrival, tallies);
        } else if (row instanceof PriceListRow priceListRow) {
            priceListRow(priceListRow);
        } else if (row instanceof StockLevel level) {
            stockLevel(level);
        } else if (row instanceof Customer customer) {
            customer(customer);
        } else if (row instanceof SpecialPrice price) {
            specialPrice(price);
        } else if (row instanceof OrderStatusUpdate status) {
            orders.receive(c, status, arrival, tallies);
        } else {
            throw new IllegalArgumentException("not a package row: " + row.getClass().getName());
        }
    }

    private void priceListRow(PriceListRow row) throws SQLException {
        try {
            catalog.receive(c, RowMapping.toDatabase(row), arrival, tallies);
        } catch (SQLException e) {
            throw missing(e, "price list row " + row.priceListCode() + "/" + row.productCode(),
                    "price list " + row.priceListCode() + " or product " + row.productCode());
        }
    }

    private void stockLevel(StockLevel level) throws SQLException {
        try {
            catalog.receive(c, RowMapping.toDatabase(level), arrival, tallies);
        } catch (SQLException e) {
            throw missing(e, "the stock of " + level.productCode(), "product " + level.productCode());
        }
    }

    private void customer(Customer customer) throws SQLException {
        try {
            customers.receive(c, RowMapping.toDatabase(customer), arrival, tallies);
        } catch (SQLException e) {
            throw missing(e, "customer " + customer.code(), "price list " + customer.priceListCode() + " or agent "
                    + customer.agentCode());
        }
    }

    private void specialPrice(SpecialPrice price) throws SQLException {
        try {
            specialPrices.receive(c, RowMapping.toDatabase(price), arrival, tallies);
        } catch (SQLException e) {
            throw missing(e, "special price " + price.customerCode() + "/" + price.productCode(),
                    "customer " + price.customerCode() + " or product " + price.productCode());
        }
    }

    private void deletion(Deletion deletion) throws SQLException {
        check(deletion.entity(), true);
        switch (deletion.entity()) {
            case PRICE_LIST_ROWS, STOCK -> catalog.receiveDeletion(c, deletion, arrival, tallies);
            case CUSTOMERS -> customers.receiveDeletion(c, deletion, arrival, tallies);
            case SPECIAL_PRICES -> specialPrices.receiveDeletion(c, deletion, arrival, tallies);
            default -> throw new IllegalArgumentException(deletion.entity().section() + " carry no deletions");
        }
    }

    @Override
    public Receipt receipt() {
        return tallies.receipt();
    }

    private void check(Entity entity, boolean deletion) {
        PackageHeader h = arrival.header();
        boolean allowed = deletion ? FlowRules.carriesDeletions(h.stream(), entity)
                : FlowRules.carries(h.stream(), entity);
        if (!allowed) {
            throw new PackageRefusedException(Reason.RULE_VIOLATED, "package " + arrival.where() + " carries "
                    + (deletion ? "deletions of " : "") + entity.section() + ", which a " + h.kind() + " package of "
                    + h.stream() + " may not carry (see the flow rules); it was refused, check the sender's station");
        }
    }

    private PackageRefusedException missing(SQLException e, String row, String references) throws SQLException {
        if (!MISSING_REFERENCE.equals(e.getSQLState())) {
            throw e;
        }
        return missingReference("package " + arrival.where() + "'s " + row + " refers to " + references
                + ", which this station does not have", e);
    }

    /**
     * A head-office package for an agent refers to the catalog, which travels in a stream of its own
     * and may come later: it waits. Anywhere else what it refers to should have come first, in its
     * own stream: the package breaks the rules.
     */
    private PackageRefusedException missingReference(String what, SQLException e) {
        if (arrival.header().stream().direction() == PackageStream.Direction.HEAD_OFFICE_TO_AGENT) {
            return new PackageRefusedException(Reason.MISSING_REFERENCE, what + " yet; it waits in the mailbox and"
                    + " is imported once the catalog that carries it has come (the next sync tries again)", e);
        }
        return new PackageRefusedException(Reason.RULE_VIOLATED, what + "; import the packages before it (the"
                + " catalog first), or ask for a full package", e);
    }
}
