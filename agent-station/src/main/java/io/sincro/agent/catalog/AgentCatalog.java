package io.sincro.agent.catalog;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.sincro.agent.work.AgentContext;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Database;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.Products;
import io.sincro.db.catalog.Stock;

/** The catalog as the head office last published it: product search, product details, stock. */
public final class AgentCatalog {

    /** More is not useful on a screen; a narrower search is. */
    public static final int MAX_RESULTS = 1000;

    private final Database db;
    private final Products products = new Products();
    private final Stock stock = new Stock();

    public AgentCatalog(AgentContext context) {
        this.db = Objects.requireNonNull(context, "context").db();
    }

    /**
     * Products matching {@code text}, ignoring case, at most {@code limit}, as a salesman expects:
     * first those whose code starts with it (typing a code shows that product first), then those
     * whose description starts with it, then those whose description has, for every word of the
     * text, a word starting with it ("zinc m8" finds "Bullone M8x40 zincato"). Each is a range of an
     * index (the word index for the last, see {@link Products#withWordsStarting}), never a read of the
     * whole catalog: a search of several words walks the range of its rarest word, which is long only
     * when every word is common. Inactive products are included (the agent may be
     * looking for an old code); see {@link Product#active()}.
     */
    public List<Product> search(String text, int limit) {
        String wanted = text == null ? "" : text.trim();
        if (wanted.isEmpty()) {
            throw new AgentWorkException("the search text is empty; give the start of a product code, or words of its"
                    + " description, such as 'vite zincata'");
        }
        if (limit < 1 || limit > MAX_RESULTS) {
            throw new AgentWorkException("a search shows 1 to " + MAX_RESULTS + " products, not " + limit
                    + "; narrow the search text instead");
        }
        return db.inTransaction(c -> {
            Map<String, Product> found = new LinkedHashMap<>();
            addUpTo(found, products.withCodeStarting(c, wanted, limit), limit);
            if (found.size() < limit) {
                addUpTo(found, products.withDescriptionStarting(c, wanted, limit), limit);
            }
            if (found.size() < limit) {
                // asks for enough to fill the page even if some were found above already
                addUpTo(found, products.withWordsStarting(c, wanted, limit + found.size()), limit);
            }
            return List.copyOf(found.values());
        });
    }

    /** One product, active or not. */
    public Product product(String code) {
        return db.inTransaction(c -> products.find(c, code).orElseThrow(() -> AgentWorkException.unknownProduct(code)));
    }

    /** A product's availability, with when the head office last changed it. */
    public ProductStock stock(String productCode) {
        return db.inTransaction(c -> {
            Product product = products.find(c, productCode)
                    .orElseThrow(() -> AgentWorkException.unknownProduct(productCode));
            return new ProductStock(product, stock.quantity(c, productCode).orElse(null),
                    stock.updatedAt(c, productCode).orElse(null));
        });
    }

    /**
     * The availability of each of {@code productCodes} the head office reported stock for, by code,
     * in one transaction (a page of search results shows its rows' at once); a product without a
     * reported figure is left out, as unknown, not zero.
     */
    public Map<String, BigDecimal> quantities(List<String> productCodes) {
        return db.inTransaction(c -> stock.quantities(c, productCodes));
    }

    private static void addUpTo(Map<String, Product> found, List<Product> more, int limit) {
        for (Product p : more) {
            if (found.size() >= limit) {
                return;
            }
            found.putIfAbsent(p.code(), p);
        }
    }
}
