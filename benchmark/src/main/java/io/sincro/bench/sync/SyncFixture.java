package io.sincro.bench.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.PriceChange;
import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.measure.Snapshot;
import io.sincro.db.Database;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;

/**
 * The moments of the company's life each sync step starts from, made once with the engine itself
 * (untimed) and kept as snapshots of station folders and of the mailbox:
 *
 * <ol>
 *   <li>published: the head office has published for every agent, nobody has synced;</li>
 *   <li>synced: every agent has had its first sync, and the head office has synced since, so it
 *   knows what each agent acknowledged (the next package to an agent can be a delta);</li>
 *   <li>delta published: from 2, 1% of the prices changed and the head office published;</li>
 *   <li>orders entered: from 2, every agent entered and submitted its orders;</li>
 *   <li>orders sent: from 4, every agent synced, so its orders wait in the mailbox.</li>
 * </ol>
 */
public final class SyncFixture {

    private static final Logger log = LoggerFactory.getLogger(SyncFixture.class);
    private static final String HQ = "hq";
    private static final String STATIONS = "stations";
    private static final String MAILBOX = "mailbox";

    private final CompanyFixture company;
    private final SyncEngine engine;
    private final Path folder;
    private final Clock clock;
    private Path published;
    private Path synced;
    private Path deltaPublished;
    private PriceChange.Changed changed;
    private Path ordersEntered;
    private Path ordersSent;

    public SyncFixture(CompanyFixture company, SyncEngine engine, Path folder) {
        this.company = company;
        this.engine = engine;
        this.folder = folder;
        this.clock = company.clock();
    }

    SyntheticCompany company() {
        return company.company();
    }

    CompanyFixture companyFixture() {
        return company;
    }

    SyncEngine engine() {
        return engine;
    }

    synchronized Snapshot publishedMailbox() {
        return new Snapshot(published().resolve(MAILBOX));
    }

    synchronized Snapshot syncedHeadOffice() {
        return new Snapshot(synced().resolve(HQ));
    }

    synchronized Snapshot syncedStation(String agentCode) {
        return new Snapshot(synced().resolve(STATIONS).resolve(agentCode));
    }

    /** Agent {@code agentCode}'s station after its first sync, for steps outside this package. */
    public synchronized Snapshot syncedStationFolder(String agentCode) {
        return syncedStation(agentCode);
    }

    synchronized Snapshot syncedMailbox() {
        return new Snapshot(synced().resolve(MAILBOX));
    }

    /** The head office after the 1% change and its publish. */
    synchronized Snapshot deltaHeadOffice() {
        return new Snapshot(deltaPublished().resolve(HQ));
    }

    synchronized Snapshot deltaMailbox() {
        return new Snapshot(deltaPublished().resolve(MAILBOX));
    }

    /** What the 1% change changed (the same rows every time: they come from the seed). */
    synchronized PriceChange.Changed changed() {
        deltaPublished();
        return changed;
    }

    synchronized Snapshot stationWithOrders(String agentCode) {
        return new Snapshot(ordersEntered().resolve(STATIONS).resolve(agentCode));
    }

    synchronized Snapshot ordersSentMailbox() {
        return new Snapshot(ordersSent().resolve(MAILBOX));
    }

    private Path published() {
        if (published == null) {
            Path building = building("published");
            company.progress("the head office publishes for every agent");
            company.preparedHeadOffice().copyTo(building.resolve(HQ));
            try (MailboxServer server = serve(building.resolve(MAILBOX))) {
                sync(building.resolve(HQ), server);
            }
            published = adopt(building, "published");
        }
        return published;
    }

    private Path synced() {
        if (synced == null) {
            Path building = building("synced");
            company.progress("every agent's first sync, then the head office's");
            new Snapshot(published()).copyTo(building);
            List<String> agents = company().agentCodes();
            for (String agent : agents) {
                company.preparedStation(agent).copyTo(building.resolve(STATIONS).resolve(agent));
            }
            try (MailboxServer server = serve(building.resolve(MAILBOX))) {
                for (String agent : agents) {
                    sync(building.resolve(STATIONS).resolve(agent), server);
                }
                sync(building.resolve(HQ), server);
            }
            synced = adopt(building, "synced");
        }
        return synced;
    }

    private Path deltaPublished() {
        if (deltaPublished == null) {
            Path building = building("delta");
            company.progress("1% of the prices change and the head office publishes");
            syncedHeadOffice().copyTo(building.resolve(HQ));
            syncedMailbox().copyTo(building.resolve(MAILBOX));
            try (Database hq = Database.open(building.resolve(HQ).resolve(CompanyFixture.DATABASE), clock)) {
                changed = new PriceChange(company()).applyTo(hq);
            }
            try (MailboxServer server = serve(building.resolve(MAILBOX))) {
                sync(building.resolve(HQ), server);
            }
            deltaPublished = adopt(building, "delta");
        }
        return deltaPublished;
    }

    private Path ordersEntered() {
        if (ordersEntered == null) {
            Path building = building("orders-entered");
            company.progress("every agent enters its orders");
            OrderEntry entry = new OrderEntry(clock);
            List<String> agents = company().agentCodes();
            for (int a = 0; a < agents.size(); a++) {
                Path station = syncedStation(agents.get(a)).copyTo(building.resolve(STATIONS).resolve(agents.get(a)));
                try (Database db = Database.open(station.resolve(CompanyFixture.DATABASE), clock)) {
                    entry.enter(db, company().ordersOf(a));
                }
            }
            syncedMailbox().copyTo(building.resolve(MAILBOX));
            ordersEntered = adopt(building, "orders-entered");
        }
        return ordersEntered;
    }

    private Path ordersSent() {
        if (ordersSent == null) {
            Path building = building("orders-sent");
            company.progress("every agent sends its orders");
            new Snapshot(ordersEntered()).copyTo(building);
            try (MailboxServer server = serve(building.resolve(MAILBOX))) {
                for (String agent : company().agentCodes()) {
                    sync(building.resolve(STATIONS).resolve(agent), server);
                }
            }
            ordersSent = adopt(building, "orders-sent");
        }
        return ordersSent;
    }

    private void sync(Path station, MailboxServer server) {
        try (Database db = Database.open(station.resolve(CompanyFixture.DATABASE), clock)) {
            String summary = engine.sync(db, settings(server), station, clock);
            log.info("fixture: {} synced: {}", db.station(), summary);
        }
    }

    /** How a station reaches the embedded server (anonymous: it listens on loopback only). */
    static FtpSettings settings(MailboxServer server) {
        return FtpSettings.of(ServeOptions.LOOPBACK, server.port(), "anonymous", "bench@sincro", TlsMode.NONE);
    }

    private static MailboxServer serve(Path root) {
        return MailboxServer.start(ServeOptions.loopback(root, 0));
    }

    private Path building(String name) {
        Path building = folder.resolve("building-" + name);
        Snapshot.remove(building);
        return building;
    }

    private Path adopt(Path building, String name) {
        return Snapshot.adopt(building, folder.resolve(name)).folder();
    }
}
