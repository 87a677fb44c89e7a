package io.sincro.bench.company;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Consumer;

import io.sincro.bench.measure.Snapshot;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.StationSetup;
import io.sincro.sync.StationHandover;

/**
 * The synthetic company's starting points, each made once and kept as a snapshot that runs copy:
 * its CSV files; the head office with the files loaded; the head office after every agent's
 * station was prepared, with those stations. A step that makes one of them anyway hands it over
 * ({@code adopt...}) so a large company is not loaded once more just for the fixture.
 *
 * <p>A station snapshot is a station folder: its database in {@value #DATABASE}, closed.
 */
public final class CompanyFixture {

    public static final String DATABASE = AgentStations.DATABASE_FOLDER;

    private final SyntheticCompany company;
    private final Path folder;
    private final Clock clock;
    private final Consumer<String> progress;
    private CompanyFiles files;
    private Snapshot imported;
    private Path prepared;

    /**
     * @param folder   where the snapshots are kept (emptied first: snapshots of an earlier run may
     *                 be of another company)
     * @param progress told when a snapshot is being made, which can take minutes at size large
     */
    public CompanyFixture(SyntheticCompany company, Path folder, Clock clock, Consumer<String> progress) {
        this.company = company;
        this.folder = folder;
        this.clock = clock;
        this.progress = progress;
        Snapshot.remove(folder);
    }

    /** Says what is being made, untimed, so a long silence has a reason. */
    public void progress(String what) {
        progress.accept("fixture: " + what + " (untimed)");
    }

    public SyntheticCompany company() {
        return company;
    }

    public Clock clock() {
        return clock;
    }

    /** The company's CSV files. */
    public synchronized CompanyFiles files() {
        if (files == null) {
            progress("generating the " + company.size() + " company's CSV files");
            files = company.writeTo(folder.resolve("csv"));
        }
        return files;
    }

    /** Keeps {@code generated} as the company's files, unless there already are some. */
    public synchronized void adoptFiles(CompanyFiles generated) {
        if (files == null) {
            Path kept = folder.resolve("csv");
            Snapshot.adopt(generated.folder(), kept);
            files = generated.movedTo(kept);
        }
    }

    /** The head office's station folder with every file loaded, nothing prepared yet. */
    public synchronized Snapshot importedHeadOffice() {
        if (imported == null) {
            Path station = folder.resolve("building-hq");
            Snapshot.remove(station);
            try (Database hq = Database.create(station.resolve(DATABASE), Station.headOffice(), clock)) {
                progress("loading the " + company.size() + " company into a head office");
                files().loadInto(hq);
            }
            imported = Snapshot.adopt(station, folder.resolve("imported-hq"));
        }
        return imported;
    }

    /**
     * Keeps {@code station} (a head office station folder, its database closed, with every file
     * loaded) as the loaded head office, unless there already is one.
     */
    public synchronized void adoptImportedHeadOffice(Path station) {
        if (imported == null) {
            imported = Snapshot.adopt(station, folder.resolve("imported-hq"));
        }
    }

    /**
     * Keeps {@code hq} (the head office's station folder, closed) and {@code stations} (every
     * agent's station, as {@link #prepareStations} makes them) as the prepared company, unless
     * there already is one.
     */
    public synchronized void adoptPrepared(Path hq, Path stations) {
        if (prepared == null) {
            Path kept = folder.resolve("prepared");
            Snapshot.adopt(hq, kept.resolve("hq"));
            Snapshot.adopt(stations, kept.resolve("stations"));
            prepared = kept;
        }
    }

    /** The head office once every agent's station was prepared: where the first publish starts. */
    public synchronized Snapshot preparedHeadOffice() {
        preparedFolder();
        return new Snapshot(prepared.resolve("hq"));
    }

    /** Agent {@code agentCode}'s station as prepared: an empty database that only knows its agent. */
    public synchronized Snapshot preparedStation(String agentCode) {
        preparedFolder();
        return new Snapshot(prepared.resolve("stations").resolve(agentCode));
    }

    private void preparedFolder() {
        if (prepared != null) {
            return;
        }
        Path building = folder.resolve("building-prepared");
        Snapshot.remove(building);
        progress("preparing every agent's station");
        importedHeadOffice().copyTo(building.resolve("hq"));
        try (Database hq = Database.open(building.resolve("hq").resolve(DATABASE), clock)) {
            prepareStations(hq, building.resolve("stations"));
        }
        Path kept = folder.resolve("prepared");
        Snapshot.adopt(building, kept);
        prepared = kept;
    }

    /** Prepares every agent's station in {@code stations}, one folder per agent code; returns how many. */
    public long prepareStations(Database headOffice, Path stations) {
        AgentStations agentStations = new AgentStations(headOffice, StationSetup.of(StationHandover::carryOn, StationHandover::writeKeys));
        try {
            Files.createDirectories(stations);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + stations + ": " + e.getMessage(), e);
        }
        for (String agent : company.agentCodes()) {
            agentStations.prepare(agent, stations.resolve(agent), settings(agent));
        }
        return company.size().agents();
    }

    /**
     * The station's settings file. The benchmark hands the mailbox to the sync engine itself, so
     * only the role matters here; the rest is what a real station would say.
     */
    private static String settings(String agentCode) {
        return "role=agent\nagent.code=" + agentCode + "\ndatabase.path=" + DATABASE + "\n";
    }
}
