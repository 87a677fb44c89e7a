package io.sincro.office.imports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a back-end CSV file holds. The order below is the order to load them in: each kind may
 * refer to the kinds before it (customers to agents and price lists, prices to products). Order
 * statuses are the back-end's news about orders received from agents, to send back to them; orders
 * are those the head office enters on agents' behalf, never sent to them.
 */
public enum ImportKind {
    AGENTS("agents"),
    PRODUCTS("products"),
    PRICE_LISTS("price-lists"),
    CUSTOMERS("customers"),
    SPECIAL_PRICES("special-prices"),
    STOCK("stock"),
    ORDER_STATUSES("order-statuses"),
    ORDERS("orders");

    /** The kinds that make up a company's master data, in the order to load them. */
    public static final List<ImportKind> MASTER_DATA = List.of(AGENTS, PRODUCTS, PRICE_LISTS, CUSTOMERS, SPECIAL_PRICES, STOCK);

    private final String label;

    ImportKind(String label) {
        this.label = label;
    }

    /** The name used on the command line and in messages, such as price-lists. */
    public String label() {
        return label;
    }

    public static Optional<ImportKind> fromLabel(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.label.equals(wanted)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(ImportKind::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
