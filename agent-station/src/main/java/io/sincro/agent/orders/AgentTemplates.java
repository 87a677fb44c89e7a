package io.sincro.agent.orders;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.agent.work.AgentContext;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Database;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.Order;
import io.sincro.db.orders.OrderLine;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderTemplate;
import io.sincro.db.orders.OrderTemplates;
import io.sincro.db.orders.Orders;

/**
 * Order templates (seed 000): an order's products and quantities saved under a name, to start new
 * orders from, for any customer. A template holds no prices; the order made from it is priced for
 * its customer on the day. Templates stay on this station and never travel.
 */
public final class AgentTemplates {

    private static final Logger log = LoggerFactory.getLogger(AgentTemplates.class);

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._-]*");

    private final Database db;
    private final Clock clock;
    private final Drafts drafts;
    private final Orders orders = new Orders();
    private final OrderTemplates templates = new OrderTemplates();

    public AgentTemplates(AgentContext context) {
        Objects.requireNonNull(context, "context");
        this.db = context.db();
        this.clock = context.clock();
        this.drafts = new Drafts(clock, context.agentCode());
    }

    /**
     * Saves the products and quantities of order {@code source} (any status) as template
     * {@code name}; an existing template of that name is replaced only when {@code replace} is set.
     */
    public OrderTemplate save(OrderNumber source, String name, boolean replace) {
        String checkedName = checkName(name);
        return db.inTransaction(c -> {
            Order order = drafts.order(c, source);
            List<OrderLine> lines = orders.lines(c, order.number());
            if (lines.isEmpty()) {
                throw new AgentWorkException("order " + source + " has no lines, so there is nothing to save as template '"
                        + checkedName + "'; add lines first with 'sincro order add-line " + source + " PRODUCT QUANTITY'");
            }
            if (templates.find(c, checkedName).isPresent()) {
                if (!replace) {
                    throw new AgentWorkException("template '" + checkedName + "' already exists; choose another name,"
                            + " or replace it with --replace");
                }
                templates.delete(c, checkedName);
            }
            List<OrderTemplate.Line> templateLines = new ArrayList<>();
            for (OrderLine line : lines) {
                templateLines.add(new OrderTemplate.Line(templateLines.size() + 1, line.productCode(), line.quantity()));
            }
            OrderTemplate template = new OrderTemplate(checkedName, source.toString(), clock.instant(), templateLines);
            templates.insert(c, template);
            log.info("template '{}' saved from order {} ({} lines)", checkedName, source, templateLines.size());
            return template;
        });
    }

    /** Every template, by name. */
    public List<OrderTemplate> list() {
        return db.inTransaction(templates::all);
    }

    public OrderTemplate show(String name) {
        return db.inTransaction(c -> templates.find(c, name).orElseThrow(() -> unknown(name)));
    }

    public void delete(String name) {
        db.useTransaction(c -> {
            if (!templates.delete(c, name)) {
                throw unknown(name);
            }
        });
    }

    /**
     * A new draft for the customer with the template's products and quantities, priced for that
     * customer today; lines that cannot be (product inactive, no price) are left out and listed.
     */
    public DraftOrder newOrder(String templateName, String customerCode) {
        return db.inTransaction(c -> {
            OrderTemplate template = templates.find(c, templateName).orElseThrow(() -> unknown(templateName));
            Customer customer = drafts.customer(c, customerCode);
            Order order = drafts.create(c, customer, null);
            List<Drafts.Wanted> wanted = template.lines().stream()
                    .map(l -> new Drafts.Wanted(l.productCode(), l.quantity())).toList();
            log.info("order {} created from template '{}'", order.number(), templateName);
            return drafts.fill(c, order, customer, wanted);
        });
    }

    private static String checkName(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new AgentWorkException("the template name is empty; give one such as weekly-hardware");
        }
        if (trimmed.length() > OrderTemplate.MAX_NAME_LENGTH) {
            throw new AgentWorkException("template name '" + trimmed + "' has " + trimmed.length()
                    + " characters; use at most " + OrderTemplate.MAX_NAME_LENGTH);
        }
        if (!NAME.matcher(trimmed).matches()) {
            throw new AgentWorkException("template name '" + trimmed + "' holds characters other than letters, digits,"
                    + " spaces, dots, dashes and underscores; use a name such as weekly-hardware");
        }
        return trimmed;
    }

    private static AgentWorkException unknown(String name) {
        return new AgentWorkException("there is no template '" + name + "' on this station; list them with"
                + " 'sincro order template list'");
    }
}
