package io.sincro.sync;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agents;
import io.sincro.db.testing.Rows;

/**
 * Station databases for tests. Creating a Derby database and migrating it takes seconds, so each
 * kind is created once per test run as a template and copied for every test (a closed Derby
 * database is a plain folder).
 */
public final class StationTemplates {

    /** The agents every test head office knows. */
    public static final String[] AGENTS = {"A01", "A02"};

    private static final Map<String, Path> TEMPLATES = new ConcurrentHashMap<>();

    private StationTemplates() {
    }

    /** A head office database that knows agents A01 and A02, in {@code dir}. */
    public static Database headOffice(Path dir, Clock clock) {
        return copy("HQ", Station.headOffice(), dir, clock);
    }

    /** Agent {@code code}'s database (as prepare-agent makes it: itself as the only agent), in {@code dir}. */
    public static Database agent(String code, Path dir, Clock clock) {
        return copy(code, Station.agent(code), dir, clock);
    }

    private static Database copy(String key, Station station, Path dir, Clock clock) {
        Path template = TEMPLATES.computeIfAbsent(key, k -> create(station, clock));
        Path target = dir.resolve("db-" + key);
        try (Stream<Path> paths = Files.walk(template)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path to = target.resolve(template.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Database.open(target, clock);
    }

    private static synchronized Path create(Station station, Clock clock) {
        try {
            Path root = Files.createTempDirectory("sincro-template-");
            root.toFile().deleteOnExit();
            Path db = root.resolve("db");
            try (Database database = Database.create(db, station, clock)) {
                database.useTransaction(c -> {
                    Agents agents = new Agents();
                    if (station.isHeadOffice()) {
                        for (String code : AGENTS) {
                            agents.save(c, Rows.agent(code), clock.instant());
                        }
                    } else {
                        agents.save(c, Rows.agent(station.agentCode()), clock.instant());
                    }
                });
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover template in the temporary folder is harmless
        }
    }
}
