package io.sincro.office.agents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.sincro.db.Database;

/**
 * What the head office holds of each agent, for {@code sincro hq agents}: its customers, special
 * prices and orders, and the orders not yet handed to the back-end. How each agent's sync stands is
 * the sync's to say (io.sincro.sync.SyncStatus).
 */
public final class AgentsOverview {

    private static final String SUMMARY = """
            SELECT a.code, a.name, a.email,
                   (SELECT COUNT(*) FROM customer c WHERE c.agent_code = a.code) AS customers,
                   (SELECT COUNT(*) FROM special_price p JOIN customer c ON c.code = p.customer_code
                     WHERE c.agent_code = a.code) AS special_prices,
                   (SELECT COUNT(*) FROM customer_order o WHERE o.agent_code = a.code) AS orders,
                   (SELECT COUNT(*) FROM customer_order o
                     WHERE o.series = a.code AND o.origin = 'AGENT' AND o.exported_at IS NULL) AS orders_pending
            FROM agent a
            ORDER BY a.code
            """;

    private final Database company;

    public AgentsOverview(Database company) {
        this.company = company;
    }

    public List<AgentSummary> agents() {
        return company.inTransaction(AgentsOverview::read);
    }

    private static List<AgentSummary> read(Connection c) throws SQLException {
        List<AgentSummary> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SUMMARY); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                result.add(new AgentSummary(rows.getString("code"), rows.getString("name"), rows.getString("email"),
                        rows.getLong("customers"), rows.getLong("special_prices"), rows.getLong("orders"),
                        rows.getLong("orders_pending")));
            }
        }
        return result;
    }
}
