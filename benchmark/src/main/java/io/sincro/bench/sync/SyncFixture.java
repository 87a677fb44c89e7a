package io.sincro.bench.sync;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

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
 *   <li>orders sent: from 4, every agent synced, so its orders wait in the mailbox;</li>
 *   <li>many orders entered: from 2, the first agent entered and submitted a day's worth of orders
 *   far above what one package may carry ({@link #manyOrders()}, 10,000 by default);</li>
 *   <li>many orders sent: from 6, that agent synced, so its packages wait in the mailbox.</li>
 * </ol>
 */
public final class SyncFixture {

    private static final Logger log = LoggerFactory.getLogger(SyncFixture.class);
    private static final String HQ = "hq";
    private static final String STATIONS = "stations";
    private static final String MAILBOX = "mailbox";
    /** The orders of the many-orders steps unless told otherwise: the figure their target is set for. */
    public static final int DEFAULT_MANY_ORDERS = 10_000;

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
    private final int manyOrders;
    private Path manyOrdersEntered;
    private Path manyOrdersSent;

    public SyncFixture(CompanyFixture company, SyncEngine engine, Path folder) {
        this(company, engine, folder, DEFAULT_MANY_ORDERS);
    }

    /** @param manyOrders how many orders the first agent enters for the many-orders steps */
    public SyncFixture(CompanyFixture company, SyncEngine engine, Path folder, int manyOrders) {
        if (manyOrders < 1) {
            throw new IllegalArgumentException("the many-orders steps need at least 1 order, not " + manyOrders);
        }
        this.company = company;
        this.engine = engine;
        this.folder = folder;
        this.clock = company.clock();
        this.manyOrders = manyOrders;
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

    /** How many orders the first agent enters for the many-orders steps. */
    int manyOrders() {
        return manyOrders;
    }

    /** The first agent's station with its many orders submitted, not sent yet. */
    synchronized Snapshot stationWithManyOrders(String agentCode) {
        return new Snapshot(manyOrdersEntered().resolve(STATIONS).resolve(agentCode));
    }

    synchronized Snapshot manyOrdersSentMailbox() {
        return new Snapshot(manyOrdersSent().resolve(MAILBOX));
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

    private Path manyOrdersEntered() {
        if (manyOrdersEntered == null) {
            Path building = building("many-orders-entered");
            String agent = company().agentCode(0);
            company.progress(String.format(Locale.ROOT, "agent %s enters %,d orders of %d lines", agent, manyOrders,
                    company().size().linesPerOrder()));
            Path station = syncedStation(agent).copyTo(building.resolve(STATIONS).resolve(agent));
            try (Database db = Database.open(station.resolve(CompanyFixture.DATABASE), clock)) {
                new OrderEntry(clock).enter(db, company().manyOrdersOf(0, manyOrders));
            }
            syncedMailbox().copyTo(building.resolve(MAILBOX));
            manyOrdersEntered = adopt(building, "many-orders-entered");
        }
        return manyOrdersEntered;
    }

    private Path manyOrdersSent() {
        if (manyOrdersSent == null) {
            Path building = building("many-orders-sent");
            String agent = company().agentCode(0);
            company.progress("agent " + agent + " sends its many orders");
            new Snapshot(manyOrdersEntered()).copyTo(building);
            try (MailboxServer server = serve(building.resolve(MAILBOX))) {
                sync(building.resolve(STATIONS).resolve(agent), server);
            }
            manyOrdersSent = adopt(building, "many-orders-sent");
        }
        return manyOrdersSent;
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
