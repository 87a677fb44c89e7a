package io.sincro.office.agents;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.sincro.db.Database;
import io.sincro.db.UtcTimestamps;

/**
 * What the head office knows of each agent, for {@code sincro hq agents}: its customers, special
 * prices and orders, and how its sync stands (the administrator's "who has not synchronized for
 * too long").
 */
public final class AgentsOverview {

    // Streams are named as sync-rules' Stream names them: A01_to_HQ (agent to head office) and
    // HQ_to_A01 (head office to agent). Packages are imported in sequence, so the highest one
    // imported is also the last.
    private static final String SUMMARY = """
            SELECT a.code, a.name, a.email,
                   (SELECT COUNT(*) FROM customer c WHERE c.agent_code = a.code) AS customers,
                   (SELECT COUNT(*) FROM special_price p JOIN customer c ON c.code = p.customer_code
                     WHERE c.agent_code = a.code) AS special_prices,
                   (SELECT COUNT(*) FROM customer_order o WHERE o.agent_code = a.code) AS orders,
                   (SELECT MAX(i.sequence) FROM imported_package i
                     WHERE i.stream = a.code || '_to_HQ') AS last_received,
                   (SELECT MAX(i.imported_at) FROM imported_package i
                     WHERE i.stream = a.code || '_to_HQ') AS last_received_at,
                   (SELECT k.sequence FROM acknowledgement k
                     WHERE k.stream = 'HQ_to_' || a.code AND k.station = a.code) AS last_acknowledged,
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
                // getLong reads SQL NULL (nothing received, nothing acknowledged) as 0
                result.add(new AgentSummary(rows.getString("code"), rows.getString("name"), rows.getString("email"),
                        rows.getLong("customers"), rows.getLong("special_prices"), rows.getLong("orders"),
                        rows.getLong("last_received"), UtcTimestamps.get(rows, "last_received_at"),
                        rows.getLong("last_acknowledged"), rows.getLong("orders_pending")));
            }
        }
        return result;
    }
}
