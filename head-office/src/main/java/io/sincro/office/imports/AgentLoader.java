package io.sincro.office.imports;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import io.sincro.db.Change;
import io.sincro.db.Station;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;

/** agents.csv: code, name, email. */
final class AgentLoader implements LineLoader<Agent> {

    private final Agents agents = new Agents();

    @Override
    public List<String> requiredColumns() {
        return List.of("code", "name");
    }

    @Override
    public List<String> optionalColumns() {
        return List.of("email");
    }

    @Override
    public Agent read(Connection c, CsvLine line) {
        String code = line.text("code", 10);
        try {
            Station.checkAgentCode(code);
        } catch (IllegalArgumentException e) {
            throw line.problem("code", e.getMessage());
        }
        String email = line.optionalText("email", 254);
        if (email != null && !email.contains("@")) {
            throw line.problem("email", "'" + email + "' is not an e-mail address");
        }
        return new Agent(code, line.text("name", 100), email);
    }

    @Override
    public String key(Agent row) {
        return row.code();
    }

    @Override
    public String keyColumn() {
        return "code";
    }

    @Override
    public Change save(Connection c, Agent row, Instant now) throws SQLException {
        return agents.save(c, row, now);
    }

}
