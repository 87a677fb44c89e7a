package io.sincro.agent.customers;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.agent.orders.OrderFilter;
import io.sincro.agent.orders.OrderSummaries;
import io.sincro.agent.work.AgentContext;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.CodeSeries;
import io.sincro.db.Database;
import io.sincro.db.Origin;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customer;
import io.sincro.db.customers.CustomerCodes;
import io.sincro.db.customers.Customers;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;

/**
 * The agent's customers: those the head office assigned to it and those it created. A customer
 * created here takes a code from the station's own series (A01-00042), which can never collide
 * with the head office's codes or another agent's, and travels to the head office at the next sync.
 */
public final class AgentCustomers {

    private static final Logger log = LoggerFactory.getLogger(AgentCustomers.class);

    /** How many of a customer's orders {@link #show} returns. */
    public static final int RECENT_ORDERS = 10;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 ./()-]{5,}");

    private final Database db;
    private final Clock clock;
    private final String agentCode;
    private final Customers customers = new Customers();
    private final OrderSummaries orderSummaries = new OrderSummaries();
    private final PriceLists priceLists = new PriceLists();
    private final Products products = new Products();
    private final SpecialPrices specialPrices = new SpecialPrices();
    private final CodeSeries series = new CodeSeries();

    public AgentCustomers(AgentContext context) {
        Objects.requireNonNull(context, "context");
        this.db = context.db();
        this.clock = context.clock();
        this.agentCode = context.agentCode();
    }

    /**
     * Creates the customer, assigned to this station's agent, with origin AGENT and the next code of
     * the station's series. Every problem with the fields is reported at once, and then nothing is
     * stored and no code is used up.
     */
    public Customer create(NewCustomer wanted) {
        Objects.requireNonNull(wanted, "wanted");
        return db.inTransaction(c -> {
            List<String> problems = new ArrayList<>();
            String name = required(wanted.name(), "name", 120, problems);
            String address = required(wanted.address(), "address", 200, problems);
            String city = required(wanted.city(), "city", 80, problems);
            String vatNumber = vatNumber(c, wanted.vatNumber(), problems);
            String email = optional(wanted.email(), "e-mail", 254, problems);
            if (email != null && !EMAIL.matcher(email).matches()) {
                problems.add("e-mail " + email + " is not an address; write it as name@example.it");
            }
            String phone = optional(wanted.phone(), "phone", 40, problems);
            if (phone != null && !PHONE.matcher(phone).matches()) {
                problems.add("phone " + phone + " is not a phone number; use digits, spaces and + - . / ( )");
            }
            String priceList = optional(wanted.priceListCode(), "price list", 20, problems);
            if (priceList != null && priceLists.find(c, priceList).isEmpty()) {
                problems.add("price list " + priceList + " is not on this station; leave it out, or use one of "
                        + priceListCodes(c));
            }
            if (!problems.isEmpty()) {
                throw new AgentWorkException("customer not created: " + String.join("; ", problems), problems);
            }
            Customer customer = new Customer(nextCode(c), name, vatNumber, address, city, email, phone, agentCode,
                    priceList, Origin.AGENT, clock.instant());
            customers.insert(c, customer);
            log.info("customer {} created ({})", customer.code(), customer.name());
            return customer;
        });
    }

    /**
     * The station's customers by name; with {@code search}, only those whose code, name, city or VAT
     * number holds it, ignoring case.
     */
    public List<Customer> list(String search) {
        return db.inTransaction(c -> search == null || search.isBlank() ? customers.all(c) : customers.search(c, search));
    }

    /** One customer with its special prices and its {@value #RECENT_ORDERS} most recent orders. */
    public CustomerDetails show(String code) {
        return db.inTransaction(c -> {
            Customer customer = customers.find(c, code).orElseThrow(() -> AgentWorkException.unknownCustomer(code));
            List<SpecialPriceLine> prices = new ArrayList<>();
            for (SpecialPrice price : specialPrices.ofCustomer(c, code)) {
                prices.add(new SpecialPriceLine(price,
                        products.find(c, price.productCode()).map(Product::description).orElse(null)));
            }
            return new CustomerDetails(customer, prices,
                    orderSummaries.list(c, OrderFilter.all().ofCustomer(code).limitedTo(RECENT_ORDERS)));
        });
    }

    private String vatNumber(Connection c, String typed, List<String> problems) throws SQLException {
        if (typed == null || typed.isBlank()) {
            problems.add("VAT number is missing; give the customer's partita IVA, 11 digits");
            return null;
        }
        VatNumber vat;
        try {
            vat = VatNumber.parse(typed);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return null;
        }
        // The same company twice would reach the head office as two customers to merge by hand. The
        // back-end may have written the number with its country prefix, so both forms are looked for.
        List<Customer> existing = new ArrayList<>(customers.withVatNumber(c, vat.digits()));
        existing.addAll(customers.withVatNumber(c, "IT" + vat.digits()));
        for (Customer same : existing) {
            problems.add("VAT number " + vat.digits() + " already belongs to customer " + same.code() + " ("
                    + same.name() + "); use that customer");
        }
        return vat.digits();
    }

    private String nextCode(Connection c) throws SQLException {
        while (true) {
            String code = CustomerCodes.of(agentCode, series.next(c, CodeSeries.CUSTOMERS));
            if (customers.find(c, code).isEmpty()) {
                return code;
            }
            // Prepared stations start the series past every code in use; a taken code means a
            // restored or hand-edited database. Skipping is safe: a code is never reused.
            log.warn("customer code {} is already taken; the station's customer series was behind, taking the next", code);
        }
    }

    private String priceListCodes(Connection c) throws SQLException {
        List<String> codes = priceLists.all(c).stream().map(PriceList::code).toList();
        return codes.isEmpty() ? "none (no price list has arrived yet)" : String.join(", ", codes);
    }

    private static String required(String value, String field, int maxLength, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is missing");
            return null;
        }
        return optional(value, field, maxLength, problems);
    }

    private static String optional(String value, String field, int maxLength, List<String> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            problems.add(field + " has " + trimmed.length() + " characters; at most " + maxLength + " fit");
        }
        return trimmed;
    }
}
