package io.sincro.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agents;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestDatabases;

/**
 * Station databases with nothing in them but their agents, for tests that write exactly the rows
 * they need: copies of a database {@code Database.create} made once per JVM ({@link TestDatabases}).
 */
public final class EmptyStations {

    /** The agents {@link #headOffice} knows. */
    public static final List<String> AGENTS = List.of("A01", "A02");

    private EmptyStations() {
    }

    /** A head office database in {@code directory} that knows agents A01 and A02 ({@link Rows#agent}). */
    public static Database headOffice(Path directory, Clock clock) {
        Database db = TestDatabases.create(directory, Station.headOffice(), clock);
        db.useTransaction(c -> {
            Agents agents = new Agents();
            for (String code : AGENTS) {
                agents.save(c, Rows.agent(code), clock.instant());
            }
        });
        return db;
    }

    /**
     * Agent {@code code}'s database in {@code directory}, knowing itself as its only agent, as a
     * prepared station does (without the numbering prepare-agent carries over).
     */
    public static Database agent(String code, Path directory, Clock clock) {
        Database db = TestDatabases.create(directory, Station.agent(code), clock);
        db.useTransaction(c -> new Agents().save(c, Rows.agent(code), clock.instant()));
        return db;
    }
}
