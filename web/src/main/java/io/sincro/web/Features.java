package io.sincro.web;

import java.util.List;

import io.sincro.web.agent.catalog.CatalogPages;
import io.sincro.web.agent.customers.CustomerPages;
import io.sincro.web.agent.home.HomePages;
import io.sincro.web.agent.log.LogPages;
import io.sincro.web.agent.orders.OrderPages;
import io.sincro.web.office.agents.DashboardPages;
import io.sincro.web.office.files.FilePages;
import io.sincro.web.page.Feature;
import io.sincro.web.sync.SyncPages;

/** Every feature's pages, one line each: a new feature is a package of its own and a line here. */
final class Features {

    private Features() {
    }

    static List<Feature> all() {
        return List.of(
                new HomePages(),
                new CatalogPages(),
                new CustomerPages(),
                new OrderPages(),
                new SyncPages(),
                new LogPages(),
                // the head office's
                new DashboardPages(),
                new io.sincro.web.office.orders.OrderPages(),
                new io.sincro.web.office.customers.CustomerPages(),
                new FilePages());
    }
}
