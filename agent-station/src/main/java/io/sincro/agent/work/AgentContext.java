package io.sincro.agent.work;

import java.time.Clock;
import java.util.Objects;

import io.sincro.db.Database;
import io.sincro.db.Station;

/**
 * What every service of the agent station works with: the agent's own station database and the
 * clock that stamps its changes. Made once, by the station, and checked then: the head office's
 * database is refused, since an order or customer created there would belong to the head office's
 * series, not to an agent's.
 */
public record AgentContext(Database db, Clock clock) {

    public AgentContext {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(clock, "clock");
        if (db.station().role() != Station.Role.AGENT) {
            throw new AgentWorkException("the database in " + db.directory() + " is the head office's, and this"
                    + " is agent work; point database.path in sincro.properties at an agent station"
                    + " (made with 'sincro hq prepare-agent CODE --out DIR')");
        }
    }

    /** The agent's code: the series of its customer codes and order numbers, and the author of its edits. */
    public String agentCode() {
        return db.station().agentCode();
    }
}
