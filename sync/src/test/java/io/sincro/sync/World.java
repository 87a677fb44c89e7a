package io.sincro.sync;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sincro.db.Database;
import io.sincro.db.testing.TestClock;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.file.WrittenPackage;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.testing.EmptyStations;

/**
 * A head office and its agents, each with its own database and clock, exchanging packages through
 * a local folder the way the sync does through the mailbox. Every station's clock starts at T0 and
 * is moved by the test.
 */
public final class World implements AutoCloseable {

    public final TestClock hqClock = new TestClock(Sample.T0);
    public final Database hq;
    public final Exchanges exchange;
    private final Path dir;
    private final Map<String, Database> agents = new LinkedHashMap<>();
    private final Map<String, TestClock> agentClocks = new LinkedHashMap<>();

    public World(Path dir) {
        this.dir = dir;
        this.hq = EmptyStations.headOffice(dir.resolve("hq"), hqClock);
        this.exchange = new Exchanges(dir.resolve("mailbox"));
    }

    /** Agent {@code code}'s station, made on first use. */
    public Database agent(String code) {
        return agents.computeIfAbsent(code, c -> EmptyStations.agent(c, dir.resolve(c), clock(c)));
    }

    public TestClock clock(String agent) {
        return agentClocks.computeIfAbsent(agent, a -> new TestClock(Sample.T0));
    }

    /** Moves every clock forward together. */
    public void advance(Duration by) {
        hqClock.advance(by);
        agentClocks.values().forEach(c -> c.advance(by));
    }

    /**
     * What the head office publishes for {@code agent}, imported there: the catalog changes first
     * (its customers and prices refer to price lists and products), then its own package (a full one
     * until the agent has acknowledged anything, a delta after).
     */
    public List<ImportReport> syncDown(String agent) {
        Database station = agent(agent);
        List<ImportReport> reports = new ArrayList<>();
        PackageStream mine = PackageStream.toAgent(agent);
        long acknowledged = hq.inTransaction(c -> new Acknowledgements().acknowledged(c, mine, agent));
        WrittenPackage catalog = exchange.delta(hq, PackageStream.catalog(), agent);
        reports.add(exchange.receive(station, catalog));
        reports.add(exchange.receive(station, acknowledged == 0 ? exchange.full(hq, mine)
                : exchange.delta(hq, mine, acknowledged)));
        return reports;
    }

    /** What {@code agent} sends (a delta since what the head office acknowledged), imported there. */
    public ImportReport syncUp(String agent) {
        return exchange.receive(hq, sendUp(agent));
    }

    /** The agent's next package to the head office, not yet imported. */
    public WrittenPackage sendUp(String agent) {
        return exchange.delta(agent(agent), PackageStream.fromAgent(agent), PackageStream.HEAD_OFFICE);
    }

    /** The head office's next package to {@code agent}, of the given kind, not yet imported. */
    public WrittenPackage sendDown(String agent, PackageKind kind) {
        PackageStream mine = PackageStream.toAgent(agent);
        return kind == PackageKind.FULL ? exchange.full(hq, mine) : exchange.delta(hq, mine, agent);
    }

    @Override
    public void close() {
        agents.values().forEach(Database::close);
        hq.close();
    }
}
