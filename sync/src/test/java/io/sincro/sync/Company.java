package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.sincro.agent.AgentStation;
import io.sincro.db.Database;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.TestClock;
import io.sincro.exchange.Mailbox;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.StationSetup;
import io.sincro.testing.LoopbackMailbox;
import io.sincro.testing.SampleCompany;
import io.sincro.testing.SampleStations;

/**
 * The sample company (scripts/sample) with a real FTP mailbox on loopback: the head office's
 * database, agent stations prepared from it, and a sync for each. Every station has its own clock,
 * starting at {@link Rows#T0}, so a test can put one of them wrong.
 *
 * <p>A JUnit 5 extension: a test class registers one, and before each test it holds the stations
 * of the agents named (prepared at T0 before the test, copied from a template) in a folder of the
 * test's own; {@link #afterFirstSyncs} starts from after the head office's and each agent's first
 * sync. An agent not named is prepared when first asked for. {@code new Company(root, mailboxes)}
 * is the same company against a mailbox elsewhere, a real server say, closed by the caller.
 */
final class Company implements BeforeEachCallback, AfterEachCallback, AutoCloseable {

    static final String USER = "sincro";
    static final String PASSWORD = "s3cret-mailbox";
    /** What the sync writes into a new station: one instance, so every test starts from the same templates. */
    static final StationSetup HANDOVER = StationSetup.of(StationHandover::carryOn, StationHandover::writeKeys);

    private final SampleStations stations;
    Path root;
    final TestClock hqClock = new TestClock(Rows.T0);
    Database hq;
    /** The loopback mailbox, or null when the company's mailbox is elsewhere. */
    private LoopbackMailbox mailbox;
    private Function<Clock, Mailbox> mailboxes;
    private final Map<String, Database> agents = new LinkedHashMap<>();
    private final Map<String, TestClock> clocks = new LinkedHashMap<>();
    private final Map<String, Path> folders = new LinkedHashMap<>();
    private SyncOptions options = SyncOptions.defaults();
    private SyncProgress progress = SyncProgress.NONE;

    private Company(SampleStations stations) {
        this.stations = stations;
    }

    /**
     * The company whose stations {@link SampleStations} laid out in {@code root}, its mailbox served
     * from {@code root/mailbox}, until closed: what a stage works on.
     */
    private Company(Path root) {
        this.stations = null;
        open(root);
    }

    /**
     * The sample company's head office in {@code root}, its mailbox elsewhere (a real server, say):
     * each sync opens one from {@code mailboxes}. Agents are prepared when first asked for; close it
     * after use.
     */
    Company(Path root, Function<Clock, Mailbox> mailboxes) {
        this.stations = null;
        this.root = root;
        this.mailboxes = mailboxes;
        hq = SampleCompany.headOffice(root.resolve(SampleStations.HEAD_OFFICE).resolve(AgentStations.DATABASE_FOLDER),
                hqClock);
    }

    /** Before each test, the head office and the stations of {@code agents} prepared from it. */
    static Company withAgents(String... agents) {
        return new Company(SampleStations.prepared(HANDOVER, agents));
    }

    /**
     * Before each test, the head office and the stations of {@code agents} after their first
     * exchange: the head office synced (publishing for everyone), then each agent in turn, all
     * without a problem.
     */
    static Company afterFirstSyncs(String... agents) {
        return new Company(SampleStations.prepared(HANDOVER, agents).then("the first syncs of " + Arrays.toString(agents),
                root -> {
                    try (Company company = new Company(root)) {
                        company.expectNoProblems(company.syncHeadOffice());
                        for (String agent : agents) {
                            company.expectNoProblems(company.sync(agent));
                        }
                    }
                }));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        stations.beforeEach(context);
        open(stations.root());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        try {
            close();
        } finally {
            stations.afterEach(context);
        }
    }

    private void open(Path folder) {
        root = folder;
        mailbox = LoopbackMailbox.serve(root.resolve("mailbox"), USER, PASSWORD);
        mailboxes = mailbox::open;
        hq = Database.open(root.resolve(SampleStations.HEAD_OFFICE).resolve(AgentStations.DATABASE_FOLDER), hqClock);
    }

    private void expectNoProblems(SyncReport report) {
        if (!report.problems().isEmpty()) {
            throw new IllegalStateException("a first sync had problems: " + report.problems());
        }
    }

    /** Agent {@code code}'s station, prepared from the company database if it was not before the test. */
    Database agent(String code) {
        return agents.computeIfAbsent(code, c -> {
            Path folder = folder(c);
            if (!Files.exists(folder)) {
                new AgentStations(hq, HANDOVER).prepare(c, folder, SampleCompany.settings(c));
            }
            return Database.open(folder.resolve(AgentStations.DATABASE_FOLDER), clock(c));
        });
    }

    /** Prepares agent {@code code}'s station again in a new folder (a lost laptop) and uses that one from now on. */
    Database prepareAgain(String code) {
        Database old = agents.remove(code);
        if (old != null) {
            old.close();
        }
        Path folder = root.resolve(code + "-again");
        new AgentStations(hq, HANDOVER).prepare(code, folder, SampleCompany.settings(code));
        folders.put(code, folder);
        Database station = Database.open(folder.resolve(AgentStations.DATABASE_FOLDER), clock(code));
        agents.put(code, station);
        return station;
    }

    /**
     * Backs the head office's database up as an administrator would (README, "A restored head
     * office"): no command running, a copy of its closed database folder; returns the copy.
     */
    Path backUpHeadOffice() {
        Path database = root.resolve(SampleStations.HEAD_OFFICE).resolve(AgentStations.DATABASE_FOLDER);
        Path backup = root.resolve("hq-backup-" + hqClock.instant().toEpochMilli());
        hq.close();
        copy(database, backup);
        hq = Database.open(database, hqClock);
        return backup;
    }

    /** Puts the head office's database back from {@code backup}, the rest of its station folder as it is. */
    void restoreHeadOffice(Path backup) {
        Path database = root.resolve(SampleStations.HEAD_OFFICE).resolve(AgentStations.DATABASE_FOLDER);
        hq.close();
        delete(database);
        copy(backup, database);
        hq = Database.open(database, hqClock);
    }

    /**
     * Backs agent {@code code}'s database up as its user would: no command running, a copy of the
     * closed database folder; returns the copy.
     */
    Path backUpAgent(String code) {
        Path database = folder(code).resolve(AgentStations.DATABASE_FOLDER);
        Path backup = root.resolve(code + "-backup-" + clock(code).instant().toEpochMilli());
        agent(code).close();
        copy(database, backup);
        agents.put(code, Database.open(database, clock(code)));
        return backup;
    }

    /** Puts agent {@code code}'s database back from {@code backup}, the rest of its station folder as it is. */
    void restoreAgent(String code, Path backup) {
        Path database = folder(code).resolve(AgentStations.DATABASE_FOLDER);
        agent(code).close();
        delete(database);
        copy(backup, database);
        agents.put(code, Database.open(database, clock(code)));
    }

    private static void copy(Path from, Path to) {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return sync(hq, root.resolve(SampleStations.HEAD_OFFICE), hqClock);
    }

    SyncReport sync(String agentCode) {
        return sync(agent(agentCode), folder(agentCode), clock(agentCode));
    }

    /** A sync of agent {@code agentCode} through another mailbox (one that fails, say). */
    SyncReport sync(String agentCode, Mailbox through) {
        return new StationSync(agent(agentCode), through, folder(agentCode), clock(agentCode), options, progress).run();
    }

    /** sincro sync --full's first step at agent {@code agentCode}: the request, before its sync. */
    String askFull(String agentCode) {
        try (Mailbox box = mailbox(clock(agentCode))) {
            return new StationSync(agent(agentCode), box, folder(agentCode), clock(agentCode), options, progress)
                    .askFull();
        }
    }

    SyncCheck check(String agentCode) {
        try (Mailbox box = mailbox(clock(agentCode))) {
            return new StationSync(agent(agentCode), box, folder(agentCode), clock(agentCode), options,
                    progress).check();
        }
    }

    private SyncReport sync(Database station, Path folder, Clock clock) {
        try (Mailbox box = mailbox(clock)) {
            return new StationSync(station, box, folder, clock, options, progress).run();
        }
    }

    Mailbox mailbox(Clock clock) {
        return mailboxes.apply(clock);
    }

    /** A folder of the loopback mailbox as the server keeps it on disk, e.g. {@code SincroSede/A01}. */
    Path served(String folder) {
        return mailbox.served(folder);
    }

    /** The package files in a folder of the loopback mailbox, by name. */
    List<String> packagesIn(String folder) {
        return mailbox.packagesIn(folder);
    }

    @Override
    public void close() {
        agents.values().forEach(Database::close);
        agents.clear();
        if (hq != null) {
            hq.close();
        }
        if (mailbox != null) {
            mailbox.close();
        }
    }
}
