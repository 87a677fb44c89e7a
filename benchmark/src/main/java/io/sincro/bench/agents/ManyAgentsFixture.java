package io.sincro.bench.agents;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.measure.Snapshot;
import io.sincro.bench.sync.OrderEntry;
import io.sincro.bench.sync.SyncEngine;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.StationSetup;
import io.sincro.sync.StationHandover;

/**
 * The moments a many-agents step starts from, made once per number of agents with the engine
 * itself (untimed) and kept as snapshots:
 *
 * <ol>
 *   <li>idle: the head office loaded and published for every agent; the senders' stations
 *   (prepared with {@code hq prepare-agent}) had their first sync, the head office synced twice
 *   since (it received their acknowledgements, then found nothing new); each sender then entered
 *   one order. The other agents have not synced yet: their first package waits in their folder,
 *   as for an agent on holiday, and their folders are listed at every sync all the same;</li>
 *   <li>sending: from 1, every sender synced, so its order waits in the mailbox.</li>
 * </ol>
 */
final class ManyAgentsFixture {

    private static final Logger log = LoggerFactory.getLogger(ManyAgentsFixture.class);
    static final String HQ = "hq";
    static final String MAILBOX = "mailbox";
    private static final String STATIONS = "stations";

    private final ManyAgentsCompany company;
    private final SyncEngine engine;
    private final Path folder;
    private final Clock clock;
    private final Consumer<String> progress;
    private Path idle;
    private Path sending;

    ManyAgentsFixture(ManyAgentsCompany company, SyncEngine engine, Path folder, Clock clock,
            Consumer<String> progress) {
        this.company = company;
        this.engine = engine;
        this.folder = folder;
        this.clock = clock;
        this.progress = progress;
    }

    ManyAgentsCompany company() {
        return company;
    }

    SyncEngine engine() {
        return engine;
    }

    Clock clock() {
        return clock;
    }

    synchronized Snapshot idleHeadOffice() {
        return new Snapshot(idle().resolve(HQ));
    }

    synchronized Snapshot idleMailbox() {
        return new Snapshot(idle().resolve(MAILBOX));
    }

    synchronized Snapshot sendingMailbox() {
        return new Snapshot(sending().resolve(MAILBOX));
    }

    private Path idle() {
        if (idle == null) {
            Path building = building("idle");
            Path hq = building.resolve(HQ);
            progress("loading a head office with " + company.agents() + " agents and preparing "
                    + company.senders() + " stations");
            try (Database db = Database.create(hq.resolve(CompanyFixture.DATABASE), Station.headOffice(), clock)) {
                company.writeTo(building.resolve("csv")).loadInto(db);
                AgentStations stations = new AgentStations(db, StationSetup.of(StationHandover::carryOn,
                        StationHandover::writeKeys));
                for (String agent : company.senderCodes()) {
                    stations.prepare(agent, building.resolve(STATIONS).resolve(agent), "role=agent\nagent.code="
                            + agent + "\ndatabase.path=" + CompanyFixture.DATABASE + "\n");
                }
            }
            Snapshot.remove(building.resolve("csv"));
            progress("the head office publishes for " + company.agents() + " agents, " + company.senders()
                    + " of them sync and enter an order");
            try (MailboxServer server = serve(building.resolve(MAILBOX))) {
                sync(hq, server);
                for (String agent : company.senderCodes()) {
                    sync(building.resolve(STATIONS).resolve(agent), server);
                }
                sync(hq, server);
                sync(hq, server);
            }
            OrderEntry entry = new OrderEntry(clock);
            List<String> senders = company.senderCodes();
            for (int a = 0; a < senders.size(); a++) {
                try (Database db = open(building.resolve(STATIONS).resolve(senders.get(a)))) {
                    entry.enter(db, List.of(ManyAgentsCompany.orderOf(a)));
                }
            }
            idle = adopt(building, "idle");
        }
        return idle;
    }

    private Path sending() {
        if (sending == null) {
            Path building = building("sending");
            progress(company.senders() + " agents send their order");
            new Snapshot(idle()).copyTo(building);
            try (MailboxServer server = serve(building.resolve(MAILBOX))) {
                for (String agent : company.senderCodes()) {
                    sync(building.resolve(STATIONS).resolve(agent), server);
                }
            }
            sending = adopt(building, "sending");
        }
        return sending;
    }

    private void progress(String what) {
        progress.accept("fixture, " + company.agents() + " agents: " + what + " (untimed)");
    }

    private void sync(Path station, MailboxServer server) {
        try (Database db = open(station)) {
            String summary = engine.sync(db, settings(server), station, clock);
            log.info("fixture: {} synced: {}", db.station(), summary);
        }
    }

    private Database open(Path station) {
        return Database.open(station.resolve(CompanyFixture.DATABASE), clock);
    }

    static FtpSettings settings(MailboxServer server) {
        return FtpSettings.of(ServeOptions.LOOPBACK, server.port(), "anonymous", "bench@sincro", TlsMode.NONE);
    }

    private static MailboxServer serve(Path root) {
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + root + ": " + e.getMessage(), e);
        }
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
