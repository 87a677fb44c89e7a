package io.sincro.web.agent.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

import io.sincro.agent.AgentStation;
import io.sincro.agent.orders.OrderDetails;
import io.sincro.agent.prices.EffectivePrice;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.Station;
import io.sincro.db.catalog.Product;
import io.sincro.web.page.Feature;
import io.sincro.web.page.Forms;
import io.sincro.web.page.Pages;

/**
 * {@code /catalog?q=TEXT&customer=CODE[&order=A01/42]}: agent-station's product search (as
 * {@code sincro product search}) with each product's effective price for the customer (as
 * {@code sincro price}) and its stock (as {@code sincro stock}); with an order, each product can
 * be added to it.
 */
public final class CatalogPages implements Feature {

    /** A page of results: enough to choose from, few enough to price one by one. */
    static final int SHOWN = 25;

    @Override
    public boolean serves(Station station) {
        return !station.isHeadOffice();
    }

    @Override
    public String messages() {
        return "io.sincro.web.agent.catalog.messages";
    }

    @Override
    public void routes(RoutesConfig routes, Pages pages) {
        routes.get("/catalog", ctx -> search(ctx, pages));
    }

    private static void search(Context ctx, Pages pages) {
        AgentStation station = new AgentStation(pages.station().database(), pages.station().clock());
        String text = Forms.query(ctx, "q");
        String order = Forms.query(ctx, "order");
        String customer = Forms.query(ctx, "customer");
        if (order != null) {
            OrderDetails details = station.orders().show(station.orders().number(order));
            customer = details.order().customerCode();
            order = details.order().number().series() + "/" + details.order().number().number();
        }
        List<CatalogView.Row> rows = new ArrayList<>();
        String problem = null;
        if (text != null) {
            try {
                // the page's rows priced and their stock read in one transaction each, not one per row
                List<Product> found = station.catalog().search(text, SHOWN);
                List<String> codes = found.stream().map(Product::code).toList();
                List<EffectivePrice> prices = customer == null || found.isEmpty() ? null
                        : station.prices().quotes(customer, codes);
                Map<String, BigDecimal> stock = found.isEmpty() ? Map.of() : station.catalog().quantities(codes);
                for (int i = 0; i < found.size(); i++) {
                    Product product = found.get(i);
                    rows.add(new CatalogView.Row(product, prices == null ? null : prices.get(i),
                            stock.get(product.code())));
                }
            } catch (AgentWorkException e) {
                problem = e.getMessage();
            }
        }
        pages.render(ctx, "agent/catalog/search.jte", "catalog",
                new CatalogView(text, customer, order, station.customers().list(null), rows, problem));
    }
}
