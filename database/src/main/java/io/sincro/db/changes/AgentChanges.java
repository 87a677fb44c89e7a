package io.sincro.db.changes;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * For every agent at once, the highest change number among rows of one kind that go to it and were
 * changed above some number: what a repository's question "changed since, for this agent" would
 * find, asked once for all agents. A head office with a thousand agents so tells which of them have
 * anything new with a few statements instead of a few each.
 *
 * @param latest the highest change number of each agent that has any
 */
public record AgentChanges(Map<String, Long> latest) {

    public AgentChanges {
        latest = Map.copyOf(latest);
    }

    /** Whether {@code agent} has a row changed above {@code afterSeq}. */
    public boolean above(String agent, long afterSeq) {
        Long highest = latest.get(agent);
        return highest != null && highest > afterSeq;
    }

    /** Runs {@code query}, whose rows are an agent's code (or null: no agent's) and its highest change number. */
    public static AgentChanges read(PreparedStatement query) throws SQLException {
        Map<String, Long> latest = new HashMap<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                String agent = rows.getString(1);
                // a customer assigned to no agent goes to none
                if (agent != null) {
                    latest.merge(agent, rows.getLong(2), Math::max);
                }
            }
        }
        return new AgentChanges(latest);
    }
}
