package io.sincro.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the head office holds of one agent, for {@code sincro hq agents}: its customers, their
 * special prices, its orders (also those the head office entered on its behalf) and its orders
 * received and not yet handed to the back-end. How the agent's sync stands is the sync's to say.
 */
public record AgentContents(String agentCode, String name, String email, long customers, long specialPrices,
                            long orders, long ordersPending) {

    private static final String PER_AGENT = """
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

    /** Every agent's, in agent code order. */
    public static List<AgentContents> perAgent(Connection c) throws SQLException {
        List<AgentContents> result = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(PER_AGENT); ResultSet rows = s.executeQuery()) {
            while (rows.next()) {
                result.add(new AgentContents(rows.getString("code"), rows.getString("name"), rows.getString("email"),
                        rows.getLong("customers"), rows.getLong("special_prices"), rows.getLong("orders"),
                        rows.getLong("orders_pending")));
            }
        }
        return result;
    }
}
