package io.sincro.testing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.testing.SampleFiles;
import io.sincro.db.testing.Templates;
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.StationSetup;

/**
 * The sample company ({@code scripts/sample}: 3 agents, 320 products, 2 price lists, 72 customers,
 * 432 special prices): its back-end files, its head office loaded by the real CSV import, and agent
 * stations prepared from it by the real {@link AgentStations#prepare}. Loading and preparing are
 * done once per JVM and copied for each caller ({@link Templates}).
 */
public final class SampleCompany {

    /** The head office's folder among the stations {@link #prepared} lays out. */
    public static final String HEAD_OFFICE = "hq";

    private SampleCompany() {
    }

    /** The back-end's file of one kind, such as {@code price-lists}: {@code scripts/sample/price-lists.csv}. */
    public static Path csv(String kind) {
        return SampleFiles.csv(kind);
    }

    /** The back-end's file of one kind. */
    public static Path csv(ImportKind kind) {
        return csv(kind.label());
    }

    /**
     * A head office in {@code databaseFolder} with every kind of file loaded, in import order, at
     * {@code clock}'s instant; open with {@code clock}.
     */
    public static Database headOffice(Path databaseFolder, Clock clock) {
        copyHeadOffice(databaseFolder, clock.instant());
        return Database.open(databaseFolder, clock);
    }

    /**
     * Lays out in {@code root} the sample company's head office, {@code root/hq/database}, and the
     * stations of {@code agents}, {@code root/A01} ..., each prepared from it at {@code at} (the head
     * office loaded then too) by {@link AgentStations#prepare} with {@code exchange} and the
     * settings {@code role=agent, agent.code=A01}. Nothing is open.
     *
     * @param exchange what the sync writes into a new station (its {@code StationHandover}); give
     *                 one instance for every call, since the templates are told apart by its class
     */
    public static void prepared(Path root, Instant at, StationSetup exchange, String... agents) {
        String name = "the sample company at " + at + " with " + Arrays.toString(agents) + " prepared by "
                + exchange.getClass().getName();
        Templates.copy(name, folder -> {
            Path hq = folder.resolve(HEAD_OFFICE).resolve(AgentStations.DATABASE_FOLDER);
            copyHeadOffice(hq, at);
            try (Database company = Database.open(hq, Clock.fixed(at, ZoneOffset.UTC))) {
                AgentStations stations = new AgentStations(company, exchange);
                for (String agent : agents) {
                    stations.prepare(agent, folder.resolve(agent), settings(agent));
                }
            }
        }, root);
    }

    /** What {@link #prepared} writes in an agent's {@code sincro.properties}. */
    public static String settings(String agent) {
        return "role=agent\nagent.code=" + agent + "\n";
    }

    private static void copyHeadOffice(Path databaseFolder, Instant at) {
        Templates.copy("the sample company's head office loaded at " + at, folder -> load(folder, at), databaseFolder);
    }

    private static void load(Path folder, Instant at) {
        try (Database company = Database.create(folder, Station.headOffice(), Clock.fixed(at, ZoneOffset.UTC))) {
            CsvImport loader = new CsvImport(company);
            for (ImportKind kind : ImportKind.MASTER_DATA) {
                loader.load(kind, csv(kind));
            }
        }
    }
}
