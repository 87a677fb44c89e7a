package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.Station;
import io.sincro.db.journal.Journal;
import io.sincro.db.journal.JournalEntry;
import io.sincro.db.journal.JournalEntry.Event;
import io.sincro.db.journal.JournalEntry.Outcome;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes;
import io.sincro.format.StationNotes.ClockSeen;
import io.sincro.format.StationNotes.FullRequest;
import io.sincro.format.StationNotes.Problem;
import io.sincro.format.StationNotes.SyncHealth;
import io.sincro.format.StationNotes.Waiting;
import io.sincro.sync.ledger.AgentHealth;
import io.sincro.sync.ledger.AgentHealths;
import io.sincro.sync.ledger.ExportedPackage;
import io.sincro.sync.ledger.ExportedPackages;
import io.sincro.sync.ledger.ImportedPackages;
import io.sincro.sync.ledger.SnapshotRequests;

/**
 * What a station says about itself in its packages' headers ({@link StationNotes}), and what it does
 * with what the other side says. An agent carries its requests for full packages ({@code sincro sync
 * --full}) until a full package above the one it had answers each, and its sync health; the head
 * office asks its own next sync for what an agent asked, keeps each agent's health, and tells each
 * agent how far off its clock was seen. A package is worth writing for news here alone: a new
 * request, a health that changed, a clock the agent was not told of yet.
 */
final class Notes {

    private static final Logger log = LoggerFactory.getLogger(Notes.class);

    private final Station station;
    private final Path rejected;
    private final Duration clockTolerance;
    private final SnapshotRequests requests = new SnapshotRequests();
    private final AgentHealths healths = new AgentHealths();
    private final ImportedPackages imported = new ImportedPackages();
    private final ExportedPackages exported = new ExportedPackages();
    private final Journal journal = new Journal();

    Notes(Station station, Path rejected, Duration clockTolerance) {
        this.station = station;
        this.rejected = rejected;
        this.clockTolerance = clockTolerance;
    }

    /** What the next package of {@code stream}, written by this station, says about it. */
    StationNotes next(Connection c, PackageStream stream) throws SQLException {
        return switch (stream.direction()) {
            case AGENT_TO_HEAD_OFFICE -> new StationNotes(requests.all(c).stream().map(SnapshotRequests.Asked::request)
                    .filter(r -> r.stream().isReadBy(station.code())).toList(), Optional.of(health(c)), Optional.empty());
            case HEAD_OFFICE_TO_AGENT -> new StationNotes(List.of(), Optional.empty(),
                    healths.find(c, stream.agentCode()).flatMap(AgentHealth::clock));
            case CATALOG -> StationNotes.NONE;
        };
    }

    /** Whether {@code notes} are worth a package of {@code stream} of their own. */
    boolean news(Connection c, PackageStream stream, StationNotes notes) throws SQLException {
        switch (stream.direction()) {
            case AGENT_TO_HEAD_OFFICE -> {
                Optional<Instant> lastWritten = exported.find(c, stream, exported.last(c, stream))
                        .map(ExportedPackage::writtenAt);
                boolean newRequest = requests.all(c).stream().anyMatch(a -> a.request().stream().isReadBy(station.code())
                        && (lastWritten.isEmpty() || !a.at().isBefore(lastWritten.get())));
                Optional<AgentHealth> sent = healths.find(c, station.agentCode());
                SyncHealth was = sent.filter(h -> h.healthIn().isPresent()).map(AgentHealth::health).orElse(SyncHealth.GOOD);
                return newRequest || !sameHealth(notes.health().orElse(SyncHealth.GOOD), was);
            }
            case HEAD_OFFICE_TO_AGENT -> {
                OptionalLong told = healths.find(c, stream.agentCode()).map(AgentHealth::clockTold)
                        .orElse(OptionalLong.empty());
                return notes.clockSeen().map(seen -> worthTelling(seen.aheadSeconds(), told)).orElse(false);
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * At the head office: whether the next package to the agent whose row is {@code health} has news
     * of its clock ({@link #news} of what {@link #next} would say), from a row read beforehand.
     */
    boolean clockNews(Optional<AgentHealth> health) {
        return health.flatMap(AgentHealth::clock)
                .map(seen -> worthTelling(seen.aheadSeconds(), health.get().clockTold())).orElse(false);
    }

    /**
     * The same news: what holds the agent up (packages set aside, streams waiting). Its last failed
     * sync rides along on the packages written anyway and is no news alone: the failure that matters
     * shows as a stream waiting, and one that kept the package from going (a mailbox down) would only
     * queue a package per sync.
     */
    private static boolean sameHealth(SyncHealth a, SyncHealth b) {
        return a.setAside() == b.setAside() && a.waiting().equals(b.waiting());
    }

    /**
     * A clock off beyond the tolerance is told once per minute of difference; one told off and seen
     * right since is told too, so the agent's warning goes.
     */
    private boolean worthTelling(long seen, OptionalLong told) {
        long tolerance = clockTolerance.toSeconds();
        if (Math.abs(seen) > tolerance) {
            return told.isEmpty() || told.getAsLong() / 60 != seen / 60;
        }
        return told.isPresent() && Math.abs(told.getAsLong()) > tolerance;
    }

    /** Package {@code name} carrying {@code notes} was written at {@code at}: what it said is kept. */
    void written(Connection c, PackageName name, Instant at, StationNotes notes) throws SQLException {
        PackageStream stream = name.stream();
        if (stream.direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE && notes.health().isPresent()) {
            healths.health(c, station.agentCode(), name, at, notes.health().get());
        } else if (stream.direction() == PackageStream.Direction.HEAD_OFFICE_TO_AGENT && notes.clockSeen().isPresent()) {
            healths.told(c, stream.agentCode(), notes.clockSeen().get().aheadSeconds());
        }
    }

    /**
     * What an arriving package's header asks of this station, read in its import's transaction
     * before the rows; {@link #received} writes it after them (an import prepares and reads all it
     * can before a bulk insert, see ImportedPackages#line).
     */
    Heard heard(Connection c, PackageHeader header) throws SQLException {
        List<PackageStream> streams = new ArrayList<>();
        if (station.isHeadOffice()) {
            for (FullRequest request : header.notes().asksFull()) {
                if (exported.lastFull(c, request.stream()) <= request.after()) {
                    streams.add(request.stream());
                }
            }
        } else if (header.kind() == PackageKind.FULL) {
            for (SnapshotRequests.Asked a : requests.all(c)) {
                if (a.request().stream().equals(header.stream()) && header.sequence() > a.request().after()) {
                    streams.add(header.stream());
                }
            }
        }
        return new Heard(header, streams);
    }

    /**
     * An arriving package's header and what it asks: at the head office, the streams its agent asks
     * for in full that no full package since answered; at an agent, the request this full package answers.
     */
    record Heard(PackageHeader header, List<PackageStream> streams) {

        Heard {
            streams = List.copyOf(streams);
        }
    }

    /** What an arriving package says ({@link #heard}), in its import's transaction. */
    void received(Connection c, Heard heard, Instant now) throws SQLException {
        PackageHeader header = heard.header();
        PackageStream stream = header.stream();
        StationNotes notes = header.notes();
        if (station.isHeadOffice()) {
            String agent = stream.agentCode();
            List<String> asked = new ArrayList<>();
            for (PackageStream full : heard.streams()) {
                requests.ask(c, full, now);
                asked.add(full.id());
            }
            if (!asked.isEmpty()) {
                String detail = "agent " + agent + " asked for " + String.join(" and ", asked) + " in full (sincro sync"
                        + " --full); this sync sends " + (asked.size() == 1 ? "it" : "them");
                log.info("{}", detail);
                journal.write(c, now, Event.REPUBLISH, Outcome.OK, header.name().fileName(), detail);
            }
            if (notes.health().isPresent()) {
                healths.health(c, agent, header.name(), plausible(header.createdAt(), now),
                        plausibleTimes(notes.health().get(), now));
            }
            return;
        }
        if (notes.clockSeen().isPresent()) {
            healths.clock(c, station.agentCode(), notes.clockSeen().get(), now);
        }
        for (PackageStream answered : heard.streams()) {
            requests.answered(c, answered);
            journal.write(c, now, Event.REPUBLISH, Outcome.OK, header.name().fileName(), answered
                    + " arrived in full, as asked (sincro sync --full)");
        }
    }

    /**
     * At an agent: what to tell the user of the head office's view of this computer's clock, when it
     * saw the clock off by more than {@code tolerance}.
     */
    static Optional<String> clockWarning(Optional<AgentHealth> own, Duration tolerance) {
        Optional<ClockSeen> seen = own.flatMap(AgentHealth::clock);
        if (seen.isEmpty() || seen.get().ahead().abs().compareTo(tolerance) <= 0) {
            return Optional.empty();
        }
        Duration off = seen.get().ahead();
        return Optional.of("the head office saw this computer's clock at least " + Inbox.minutes(off.abs())
                + (off.isNegative() ? " behind" : " ahead of") + " its own (in " + seen.get().seenIn().fileName()
                + "): set this computer's date, time and time zone right (let it take the time from the internet),"
                + " then sync again; \"most recent wins\" for special prices trusts this clock");
    }

    /**
     * A time an agent's package gives, kept as given when it is within ten years before and two days
     * after this station's clock, else as this station's: the agent's clock may be wrong, but a time
     * out of all reason (a forged year 0001) is not worth keeping, nor able to break the write.
     */
    private static Instant plausible(Instant at, Instant now) {
        return at.isBefore(now.minus(Duration.ofDays(3660))) || at.isAfter(now.plus(Duration.ofDays(2))) ? now : at;
    }

    private static SyncHealth plausibleTimes(SyncHealth health, Instant now) {
        return new SyncHealth(health.lastError().map(e -> new Problem(plausible(e.at(), now), e.text())),
                health.waiting(), health.setAside());
    }

    /** At the head office: the clock of the agent that wrote {@code name}, as this station saw it. */
    void clockSeen(Connection c, PackageName name, long aheadSeconds, Instant now) throws SQLException {
        long bounded = Math.max(-StationNotes.MAX_CLOCK_SECONDS, Math.min(StationNotes.MAX_CLOCK_SECONDS, aheadSeconds));
        healths.clock(c, name.stream().agentCode(), new ClockSeen(bounded, name), now);
    }

    /**
     * How this agent's syncs stand: its last sync, if it failed; the streams it reads that wait
     * (a package of theirs set aside, or one journaled as waiting), with the reason; how many
     * packages it holds set aside.
     */
    SyncHealth health(Connection c) throws SQLException {
        List<PackageName> setAside = setAside();
        Optional<Problem> lastError = journal.latest(c, Event.SYNC).filter(e -> e.outcome() == Outcome.FAILED)
                .map(e -> new Problem(e.at(), StationNotes.text(e.detail())));
        List<Waiting> waiting = new ArrayList<>();
        for (PackageStream stream : List.of(PackageStream.catalog(), PackageStream.toAgent(station.agentCode()))) {
            long last = imported.last(c, stream);
            Optional<PackageName> held = setAside.stream().filter(n -> n.stream().equals(stream) && n.sequence() > last)
                    .findFirst();
            Optional<String> why;
            if (held.isPresent()) {
                why = Optional.of(journal.latest(c, held.get().fileName(), Event.REJECTED).map(JournalEntry::detail)
                        .orElse(held.get().fileName() + " is set aside in " + rejected));
            } else {
                why = journal.latestStartingWith(c, stream.id() + "_", Event.WAITING)
                        .filter(e -> PackageName.parse(e.packageName()).filter(n -> n.sequence() > last).isPresent())
                        .map(JournalEntry::detail);
            }
            why.map(StationNotes::text).filter(text -> !text.isEmpty())
                    .ifPresent(text -> waiting.add(new Waiting(stream, text)));
        }
        return new SyncHealth(lastError, waiting, setAside.size());
    }

    private List<PackageName> setAside() {
        if (!Files.isDirectory(rejected)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(rejected)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(Inbox.FORGED_SUFFIX)).sorted()
                    .flatMap(n -> PackageName.parse(n).stream()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not look into " + rejected + ": " + e.getMessage(), e);
        }
    }
}
