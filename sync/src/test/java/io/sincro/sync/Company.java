package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import io.sincro.agent.AgentStation;
import io.sincro.db.Database;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.Mailbox;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;
import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;
import io.sincro.office.stations.AgentStations;

/**
 * The sample company (scripts/sample) with a real FTP mailbox on loopback: the head office's
 * database, agent stations prepared from it, and a sync for each. Every station has its own clock,
 * so a test can put one of them wrong.
 */
final class Company implements AutoCloseable {

    static final String USER = "sincro";
    static final String PASSWORD = "s3cret-mailbox";

    final Path root;
    final TestClock hqClock = new TestClock(Rows.T0);
    final Database hq;
    private final MailboxServer server;
    private final Function<Clock, Mailbox> mailboxes;
    private final Map<String, Database> agents = new LinkedHashMap<>();
    private final Map<String, TestClock> clocks = new LinkedHashMap<>();
    private final Map<String, Path> folders = new LinkedHashMap<>();
    private SyncOptions options = SyncOptions.defaults();
    private SyncProgress progress = SyncProgress.NONE;

    Company(Path root) {
        this.root = root;
        try {
            Files.createDirectories(root.resolve("mailbox"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server = MailboxServer.start(ServeOptions.loopback(root.resolve("mailbox"), 0).withUser(USER, PASSWORD));
        mailboxes = clock -> new FtpMailbox(FtpSettings.of(ServeOptions.LOOPBACK, server.port(), USER, PASSWORD,
                TlsMode.NONE), PackageNames.endingWith(".sincro"), clock);
        SampleCompany.copyTo(root.resolve("hq/database"));
        hq = Database.open(root.resolve("hq/database"), hqClock);
    }

    /** The company with its mailbox elsewhere, a real server say: each sync opens one from {@code mailboxes}. */
    Company(Path root, Function<Clock, Mailbox> mailboxes) {
        this.root = root;
        this.server = null;
        this.mailboxes = mailboxes;
        SampleCompany.copyTo(root.resolve("hq/database"));
        hq = Database.open(root.resolve("hq/database"), hqClock);
    }

    /** Agent {@code code}'s station, prepared from the company database on first use. */
    Database agent(String code) {
        return agents.computeIfAbsent(code, c -> {
            Path folder = folder(c);
            new AgentStations(hq, StationHandover::carryOn).prepare(c, folder, "role=agent\nagent.code=" + c + "\n");
            return Database.open(folder.resolve("database"), clock(c));
        });
    }

    /** Prepares agent {@code code}'s station again in a new folder (a lost laptop) and uses that one from now on. */
    Database prepareAgain(String code) {
        Database old = agents.remove(code);
        if (old != null) {
            old.close();
        }
        Path folder = root.resolve(code + "-again");
        new AgentStations(hq, StationHandover::carryOn).prepare(code, folder, "role=agent\nagent.code=" + code + "\n");
        folders.put(code, folder);
        Database station = Database.open(folder.resolve("database"), clock(code));
        agents.put(code, station);
        return station;
    }

    Path folder(String code) {
        return folders.computeIfAbsent(code, root::resolve);
    }

    /** The agent's offline work, as its commands do it. */
    AgentStation work(String code) {
        return new AgentStation(agent(code), clock(code));
    }

    TestClock clock(String code) {
        return clocks.computeIfAbsent(code, c -> new TestClock(Rows.T0));
    }

    void advance(Duration by) {
        hqClock.advance(by);
        clocks.values().forEach(c -> c.advance(by));
    }

    Company with(SyncOptions newOptions) {
        this.options = newOptions;
        return this;
    }

    Company with(SyncProgress newProgress) {
        this.progress = newProgress;
        return this;
    }

    SyncReport syncHeadOffice() {
        return sync(hq, root.resolve("hq"), hqClock);
    }

    SyncReport sync(String agentCode) {
        return sync(agent(agentCode), folder(agentCode), clock(agentCode));
    }

    /** A sync of agent {@code agentCode} through another mailbox (one that fails, say). */
    SyncReport sync(String agentCode, Mailbox through) {
        return new StationSync(agent(agentCode), through, folder(agentCode), clock(agentCode), options, progress).run();
    }

    SyncCheck check(String agentCode) {
        try (Mailbox mailbox = mailbox(clock(agentCode))) {
            return new StationSync(agent(agentCode), mailbox, folder(agentCode), clock(agentCode), options,
                    progress).check();
        }
    }

    private SyncReport sync(Database station, Path folder, Clock clock) {
        try (Mailbox mailbox = mailbox(clock)) {
            return new StationSync(station, mailbox, folder, clock, options, progress).run();
        }
    }

    Mailbox mailbox(Clock clock) {
        return mailboxes.apply(clock);
    }

    /** A folder of the mailbox as the server keeps it on disk, e.g. {@code SincroSede/A01}. */
    Path served(String folder) {
        return server.root().resolve(folder);
    }

    /** The package files in a mailbox folder, by name. */
    List<String> packagesIn(String folder) {
        Path dir = served(folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        agents.values().forEach(Database::close);
        hq.close();
        if (server != null) {
            server.close();
        }
    }
}
