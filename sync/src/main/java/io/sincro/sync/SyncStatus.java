package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import io.sincro.db.AgentContents;
import io.sincro.db.Database;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.orders.PackagedUpTo;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.sync.ledger.AgentHealth;
import io.sincro.sync.ledger.AgentHealths;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackage;
import io.sincro.sync.ledger.ImportedPackages;

/**
 * What the exchange's ledger and folders say, for {@code sincro status} and {@code sincro hq
 * agents}; it reads, never writes, and needs no mailbox.
 */
public final class SyncStatus {

    /** The refused packages kept for diagnosis, by name, and the folder that holds them. */
    public record SetAside(Path folder, List<String> names) {

        public SetAside {
            names = List.copyOf(names);
        }
    }

    private final Database database;
    private final SyncFolders folders;
    private final ExportedPackages exported = new ExportedPackages();
    private final ImportedPackages imported = new ImportedPackages();
    private final Acknowledgements acknowledgements = new Acknowledgements();
    private final Agents agents = new Agents();
    private final AgentHealths healths = new AgentHealths();
    private final Journal journal = new Journal();

    public SyncStatus(Database database, Path stationFolder) {
        this.database = database;
        this.folders = SyncFolders.of(stationFolder);
    }

    /** The folders the exchange keeps in {@code stationFolder}: outbound queue, downloads, set aside. */
    public static List<Path> folders(Path stationFolder) {
        SyncFolders folders = SyncFolders.of(stationFolder);
        return List.of(folders.outbox(), folders.inbox(), folders.rejected());
    }

    /** Packages written and not yet uploaded, in the order they will go, with attempts and last error. */
    public List<ExportedPackage> outboundQueue() {
        return database.inTransaction(exported::waiting);
    }

    /**
     * The station's change number when its latest package to the head office was written (0 when
     * none), read in the transaction it is given: an agent's change stamped above it is in no
     * package yet, so a submitted order above it can still be withdrawn (AgentOrders.withdraw,
     * which holds the change counter as the package writer does, so the figure cannot go stale).
     */
    public PackagedUpTo packagedUpTo() {
        PackageStream stream = PackageStream.fromAgent(database.station().code());
        return c -> exported.find(c, stream, exported.last(c, stream)).map(ExportedPackage::changeMark).orElse(0L);
    }

    /**
     * The packages refused and set aside, which hold up their streams (not the copies of forgeries,
     * which hold up nothing).
     *
     * @throws UncheckedIOException when the folder cannot be read, naming it
     */
    public SetAside setAside() {
        Path folder = folders.rejected();
        if (!Files.isDirectory(folder)) {
            return new SetAside(folder, List.of());
        }
        try (Stream<Path> files = Files.list(folder)) {
            // a forgery's copy blocks nothing: its stream goes on (Inbox)
            return new SetAside(folder, files.map(p -> p.getFileName().toString())
                    .filter(name -> !name.endsWith(Inbox.FORGED_SUFFIX)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("could not look into " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * What is wrong with one agent's exchange, for {@code sincro hq agents --check}: a package of its
     * set aside here (its stream is stuck until resolved), or no package from it for more than
     * {@code maxAgeDays} days (or ever); empty when nothing is. {@code setAside} is {@link #setAside()},
     * read once for all the agents asked about.
     */
    public Optional<String> trouble(AgentExchange exchange, SetAside setAside, Instant now, int maxAgeDays) {
        return trouble(exchange, setAside, now, maxAgeDays, SyncOptions.defaults().clockTolerance());
    }

    /**
     * The same, and what the agent's own packages say: a stream of its that waits or a package set
     * aside at its station (stuck there), or its clock seen off by more than {@code clockTolerance}.
     */
    public Optional<String> trouble(AgentExchange exchange, SetAside setAside, Instant now, int maxAgeDays,
                                    Duration clockTolerance) {
        Optional<String> here = troubleHere(exchange, setAside, now, maxAgeDays);
        if (here.isPresent() && !here.get().startsWith("overdue")) {
            return here;
        }
        Optional<AgentHealth> health = exchange.health();
        if (health.isPresent() && health.get().healthIn().isPresent()) {
            StationNotes.SyncHealth said = health.get().health();
            String as = " (its package " + health.get().healthIn().get().fileName() + " says so)";
            if (!said.waiting().isEmpty()) {
                StationNotes.Waiting w = said.waiting().get(0);
                return Optional.of("stuck at its station: " + w.stream() + " waits there: " + w.reason() + as
                        + "; sincro packages at the agent says what to do");
            }
            if (said.setAside() > 0) {
                return Optional.of("stuck at its station: " + said.setAside() + (said.setAside() == 1 ? " package"
                        : " packages") + " set aside there" + as + "; sincro packages at the agent says what to do");
            }
        }
        Optional<StationNotes.ClockSeen> clock = health.flatMap(AgentHealth::clock);
        if (clock.isPresent() && clock.get().ahead().abs().compareTo(clockTolerance) > 0) {
            return Optional.of("clock off: " + clockOff(clock.get()) + " (seen in " + clock.get().seenIn().fileName()
                    + "); the agent is told at its next sync: set its clock right");
        }
        return here;
    }

    /** "at least 40 minutes ahead of the head office's", or "... behind ...". */
    public static String clockOff(StationNotes.ClockSeen seen) {
        return "at least " + Inbox.minutes(seen.ahead().abs()) + (seen.ahead().isNegative() ? " behind" : " ahead of")
                + " the head office's";
    }

    private Optional<String> troubleHere(AgentExchange exchange, SetAside setAside, Instant now, int maxAgeDays) {
        List<String> stuck = stuck(exchange, setAside);
        if (!stuck.isEmpty()) {
            return Optional.of("stuck: " + String.join(", ", stuck) + " set aside, and the packages after it wait;"
                    + " sincro packages says why and what to do");
        }
        OptionalLong days = exchange.daysSinceLastSync(now);
        if (days.isEmpty()) {
            return Optional.of("never synced: no package from it has arrived yet");
        }
        if (days.getAsLong() > maxAgeDays) {
            return Optional.of("overdue: its last package arrived " + days.getAsLong() + " days ago (sync.maxAgeDays is "
                    + maxAgeDays + ")");
        }
        return Optional.empty();
    }

    /**
     * At an agent station: what to tell the user when the head office saw this computer's clock off
     * by more than {@code tolerance}, with the figure and what to do.
     */
    public Optional<String> clockWarning(Duration tolerance) {
        if (database.station().isHeadOffice()) {
            return Optional.empty();
        }
        return Notes.clockWarning(database.inTransaction(c -> healths.find(c, database.station().agentCode())),
                tolerance);
    }

    /** The agent's packages set aside here after the last one imported: those its stream waits on. */
    private static List<String> stuck(AgentExchange exchange, SetAside setAside) {
        PackageStream stream = PackageStream.fromAgent(exchange.agentCode());
        return setAside.names().stream()
                .filter(n -> PackageName.parse(n).filter(p -> p.stream().equals(stream)
                        && p.sequence() > exchange.lastReceived()).isPresent())
                .toList();
    }

    /**
     * At the head office: how each agent stands at {@code now}, in agent code order, with
     * {@code maxAgeDays} (sync.maxAgeDays) as the age past which it is overdue and
     * {@code clockTolerance} as how far its clock may be off.
     *
     * @throws UncheckedIOException when the folder of packages set aside cannot be read, naming it
     */
    public List<AgentStanding> standings(Instant now, int maxAgeDays, Duration clockTolerance) {
        SetAside setAside = setAside();
        List<AgentExchange> exchanges = agents();
        return database.inTransaction(c -> {
            List<AgentStanding> result = new ArrayList<>();
            Map<String, AgentContents> contents = new HashMap<>();
            for (AgentContents agent : AgentContents.perAgent(c)) {
                contents.put(agent.agentCode(), agent);
            }
            for (AgentExchange exchange : exchanges) {
                OptionalLong days = exchange.daysSinceLastSync(now);
                Optional<String> clock = Optional.empty();
                Optional<ImportedPackage> last = imported.lastOf(c, PackageStream.fromAgent(exchange.agentCode()));
                if (last.isPresent()) {
                    clock = journal.latest(c, last.get().name().fileName(), Event.CLOCK).map(JournalEntry::detail);
                }
                result.add(new AgentStanding(contents.get(exchange.agentCode()), exchange, stuck(exchange, setAside),
                        days, days.isPresent() && days.getAsLong() > maxAgeDays, clock,
                        trouble(exchange, setAside, now, maxAgeDays, clockTolerance)));
            }
            return result;
        });
    }

    /** At the head office: each agent's exchange, in agent code order. */
    public List<AgentExchange> agents() {
        return database.inTransaction(c -> {
            List<AgentExchange> result = new ArrayList<>();
            for (Agent agent : agents.all(c)) {
                String code = agent.code();
                Optional<ImportedPackage> last = imported.lastOf(c, PackageStream.fromAgent(code));
                result.add(new AgentExchange(code, last.map(p -> p.name().sequence()).orElse(0L),
                        last.map(ImportedPackage::importedAt).orElse(null),
                        acknowledgements.acknowledged(c, PackageStream.toAgent(code), code), healths.find(c, code)));
            }
            return result;
        });
    }
}
