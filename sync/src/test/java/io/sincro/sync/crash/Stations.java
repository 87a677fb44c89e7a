package io.sincro.sync.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import io.sincro.office.imports.CsvImport;
import io.sincro.office.imports.ImportKind;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.StationSetup;
import io.sincro.sync.StationHandover;
import io.sincro.sync.StationSync;
import io.sincro.sync.SyncOptions;
import io.sincro.sync.SyncProgress;
import io.sincro.sync.SyncReport;
import io.sincro.testing.SampleCompany;

/**
 * The sample company (scripts/sample): its head office ({@code "hq"}) and agent stations (by agent
 * code), each in a folder of its own under {@code root}, around a {@link FaultyMailbox}. A station
 * syncs in this JVM, or in a process of its own ({@link #launch}) that a test can kill; a database
 * is open in at most one process at a time, as on a real laptop. All stations share one clock,
 * moved a minute before every sync so each sync's timestamps are its own.
 */
final class Stations implements AutoCloseable {

    static final String HQ = SampleCompany.HEAD_OFFICE;

    final Path root;
    final TestClock clock = new TestClock(Rows.T0);
    final FaultyMailbox mailbox;
    private final Map<String, Database> open = new LinkedHashMap<>();
    private final List<StationProcess> launched = new ArrayList<>();

    Stations(Path root) {
        this.root = root.toAbsolutePath();
        mailbox = new FaultyMailbox(this.root.resolve("mailbox"));
        open.put(HQ, SampleCompany.headOffice(folder(HQ).resolve("database"), clock));
    }

    /** The head office's database, opened in this JVM if it is not already. */
    Database hq() {
        return database(HQ);
    }

    /** Agent {@code code}'s database, its station prepared by the head office on first use. */
    Database agent(String code) {
        if (!Files.exists(folder(code))) {
            new AgentStations(hq(), StationSetup.of(StationHandover::carryOn, StationHandover::writeKeys)).prepare(code, folder(code), SampleCompany.settings(code));
        }
        return database(code);
    }

    /** The agent's offline work, as its commands do it. */
    AgentStation work(String code) {
        return new AgentStation(agent(code), clock);
    }

    Database database(String station) {
        return open.computeIfAbsent(station, s -> Database.open(folder(s).resolve("database"), clock));
    }

    /** Shuts the station's database down in this JVM, so another process may boot it. */
    void release(String station) {
        Database db = open.remove(station);
        if (db != null) {
            db.close();
        }
    }

    Path folder(String station) {
        return root.resolve(station);
    }

    /** One sync of the station, in this JVM, as {@code sincro sync} runs it. */
    SyncReport sync(String station) {
        clock.advance(Duration.ofMinutes(1));
        Database db = station.equals(HQ) ? hq() : agent(station);
        try (Mailbox box = mailbox()) {
            return new StationSync(db, box, folder(station), clock, SyncOptions.defaults(), SyncProgress.NONE).run();
        }
    }

    /**
     * One sync of the station in a JVM of its own, stopped as {@code crash} says (see
     * {@link CrashingSync}); this JVM lets go of the station's database first.
     */
    StationProcess launch(String station, String crash) {
        release(station);
        clock.advance(Duration.ofMinutes(1));
        StationProcess process = StationProcess.start(root.resolve(station + "-process-" + (launched.size() + 1) + ".log"),
                CrashingSync.class, folder(station).toString(), String.valueOf(mailbox.port()),
                clock.instant().toString(), crash);
        launched.add(process);
        return process;
    }

    Mailbox mailbox() {
        return new FtpMailbox(FtpSettings.of("127.0.0.1", mailbox.port(), FaultyMailbox.USER,
                FaultyMailbox.PASSWORD, TlsMode.NONE), PackageNames.endingWith(".sincro"), clock);
    }

    /** Every file in the station's own folder {@code sub} (its inbox, outbox), sorted. */
    List<String> filesOf(String station, String sub) {
        Path dir = folder(station).resolve(sub);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds to the head office's catalog, through its CSV import, {@code products} more products, each
     * with a price in {@code priceLists} more price lists and a stock level: a catalog package of many
     * thousand rows.
     */
    void growCatalog(int products, int priceLists) {
        growCatalog(products, priceLists, 0);
    }

    /** As {@link #growCatalog(int, int)}, every price raised by {@code raise}: loaded again, it changes them all. */
    void growCatalog(int products, int priceLists, int raise) {
        Path csv = root.resolve("csv");
        StringBuilder items = new StringBuilder("code,description,unit,vat_rate,active\n");
        StringBuilder prices = new StringBuilder("price_list,description,product,price\n");
        StringBuilder stock = new StringBuilder("product,quantity\n");
        for (int p = 1; p <= products; p++) {
            String code = String.format("BIG%06d", p);
            items.append(code).append(",Articolo di prova ").append(p).append(" con una descrizione lunga,PZ,22.00,true\n");
            stock.append(code).append(',').append(p % 1000).append('\n');
            for (int l = 1; l <= priceLists; l++) {
                prices.append("BIG").append(l).append(",Listino grande ").append(l).append(',').append(code).append(',')
                        .append(p % 500 + raise).append('.').append(String.format("%02d", (p + l) % 100)).append('\n');
            }
        }
        // stock.csv is the whole stock: the sample's rows stay
        try (Stream<String> lines = Files.lines(SampleCompany.csv("stock"))) {
            lines.skip(1).forEach(line -> stock.append(line).append('\n'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(csv);
            Files.writeString(csv.resolve("products.csv"), items);
            Files.writeString(csv.resolve("price-lists.csv"), prices);
            Files.writeString(csv.resolve("stock.csv"), stock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CsvImport loader = new CsvImport(hq());
        loader.load(ImportKind.PRODUCTS, csv.resolve("products.csv"));
        loader.load(ImportKind.PRICE_LISTS, csv.resolve("price-lists.csv"));
        loader.load(ImportKind.STOCK, csv.resolve("stock.csv"));
    }

    @Override
    public void close() {
        launched.forEach(StationProcess::kill);
        new ArrayList<>(open.keySet()).forEach(this::release);
        mailbox.close();
    }
}
