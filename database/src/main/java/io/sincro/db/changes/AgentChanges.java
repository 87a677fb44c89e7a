package io.sincro.db.changes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import io.sincro.db.BulkLoad;

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

    /**
     * Runs {@code query} with its parameters set by {@code parameters}; its rows are an agent's code
     * (or null: no agent's) and its highest change number.
     */
    public static AgentChanges of(Connection c, String query, BulkLoad.Parameters parameters) throws SQLException {
        Map<String, Long> latest = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(query)) {
            parameters.set(s);
            try (ResultSet rows = s.executeQuery()) {
                while (rows.next()) {
                    String agent = rows.getString(1);
                    // a customer assigned to no agent goes to none
                    if (agent != null) {
                        latest.merge(agent, rows.getLong(2), Math::max);
                    }
                }
            }
        }
        return new AgentChanges(latest);
    }
}
