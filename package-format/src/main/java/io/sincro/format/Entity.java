package io.sincro.format;

/**
 * The sections a package can hold, in the order they appear: a row refers only to rows of earlier
 * sections (a price list row to its list and product, a customer to its price list, a special price
 * to its customer and product, an order to its customer), so importing in this order never meets a
 * reference to something not yet there.
 */
public enum Entity {
    PRICE_LISTS("priceLists", "priceList", false),
    PRODUCTS("products", "product", false),
    PRICE_LIST_ROWS("priceListRows", "priceListRow", true),
    STOCK("stock", "stockLevel", true),
    CUSTOMERS("customers", "customer", true),
    SPECIAL_PRICES("specialPrices", "specialPrice", true),
    ORDERS("orders", "order", false),
    ORDER_STATUSES("orderStatuses", "orderStatus", false);

    private final String section;
    private final String row;
    private final boolean deletions;

    Entity(String section, String row, boolean deletions) {
        this.section = section;
        this.row = row;
        this.deletions = deletions;
    }

    /** The name of the section's element, also used in counts and messages. */
    public String section() {
        return section;
    }

    /** The name of one row's element in the section. */
    public String row() {
        return row;
    }

    /** Whether the section may hold deletions (products and price lists are withdrawn, not deleted). */
    public boolean hasDeletions() {
        return deletions;
    }

    public static Entity ofSection(String section) {
        for (Entity e : values()) {
            if (e.section.equals(section)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no package section is called " + section);
    }
}
