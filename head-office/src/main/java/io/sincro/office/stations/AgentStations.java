package io.sincro.office.stations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.db.CodeSeries;
import io.sincro.db.Database;
import io.sincro.db.Station;
import io.sincro.db.agents.Agent;
import io.sincro.db.agents.Agents;
import io.sincro.db.customers.CustomerCodes;
import io.sincro.db.customers.Customers;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.Orders;

/**
 * Makes an agent's station (seed 003, "Configurazione database agente"): a database with the
 * company's schema holding no customers, products or prices and no agent but this one, its own
 * numbering, and its settings file. The first sync fills it.
 *
 * <p>The station is built in a hidden folder beside the target and moved into place at the end, so
 * a failure half-way leaves nothing a user could mistake for a station.
 */
public final class AgentStations {

    /** Where a station keeps its database, relative to its folder. */
    public static final String DATABASE_FOLDER = "database";
    public static final String SETTINGS_FILE = "sincro.properties";

    private static final Logger log = LoggerFactory.getLogger(AgentStations.class);

    private final Database company;
    private final StationSetup exchange;
    private final Agents agents = new Agents();
    private final Customers customers = new Customers();
    private final Orders orders = new Orders();
    private final CodeSeries series = new CodeSeries();

    /**
     * @param exchange what the exchange writes into a new station (its packages' numbering), in the
     *                 same step as the rest, so no station is ever half made
     */
    public AgentStations(Database company, StationSetup exchange) {
        if (!company.station().isHeadOffice()) {
            throw new StationException("agent stations are prepared from the company database, and " + company
                    + " belongs to " + company.station() + "; run prepare-agent with the head office's settings");
        }
        this.company = company;
        this.exchange = exchange;
    }

    /**
     * Prepares agent {@code agentCode}'s station in {@code target}, which must not exist or be empty.
     *
     * @param settings the text of the station's sincro.properties
     */
    public PreparedStation prepare(String agentCode, Path target, String settings) {
        Path dir = target.toAbsolutePath().normalize();
        Agent agent = company.inTransaction(c -> agents.find(c, agentCode)).orElseThrow(() -> new StationException(
                "agent " + agentCode + " is not in the company database; import it first (sincro hq import agents FILE)"));
        checkTarget(dir);
        // A station prepared again (a lost laptop) carries on after what the head office already
        // received from this agent, so no customer code or order number is ever handed out twice.
        long nextCustomer = company.inTransaction(c -> customers.highestInSeries(c, agentCode)) + 1;
        int nextOrder = company.inTransaction(c -> orders.highestNumber(c, agentCode)) + 1;

        Path staging = dir.resolveSibling("." + dir.getFileName() + ".preparing-" + UUID.randomUUID());
        try {
            Files.createDirectories(staging);
            try (Database station = Database.create(staging.resolve(DATABASE_FOLDER), Station.agent(agentCode),
                    company.clock())) {
                station.useTransaction(c -> {
                    agents.save(c, agent, company.clock().instant());
                    series.start(c, CodeSeries.CUSTOMERS, nextCustomer);
                    series.start(c, CodeSeries.ORDERS, nextOrder);
                    exchange.setUp(company, c, agentCode);
                });
            }
            exchange.writeFiles(company, staging, agentCode);
            writeOwnerOnly(staging.resolve(SETTINGS_FILE), settings);
            moveIntoPlace(staging, dir);
            // the station starts empty: the head office's next package to it must be a full one
            company.useTransaction(c -> agents.markPrepared(c, agentCode, company.clock().instant()));
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new StationException("could not prepare agent " + agentCode + "'s station in " + dir + ": " + e
                    + "; nothing was left behind", e);
        } catch (RuntimeException e) {
            deleteQuietly(staging);
            throw e;
        }
        PreparedStation prepared = new PreparedStation(agentCode, dir, dir.resolve(DATABASE_FOLDER),
                CustomerCodes.of(agentCode, nextCustomer), new OrderNumber(agentCode, nextOrder));
        log.info("prepared {}", prepared);
        return prepared;
    }

    /**
     * Writes a settings file readable by its owner only (0600 where the file system has POSIX
     * permissions): it may hold the mailbox's password.
     */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static void checkTarget(Path dir) {
        if (Files.isRegularFile(dir)) {
            throw new StationException(dir + " is a file; give prepare-agent a new or empty folder (nothing was changed)");
        }
        if (Files.isDirectory(dir)) {
            try (Stream<Path> entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    throw new StationException(dir + " already holds files; give prepare-agent a new or empty folder"
                            + " (nothing was changed)");
                }
            } catch (IOException e) {
                throw new StationException("could not look into " + dir + ": " + e + " (nothing was changed)", e);
            }
        }
    }

    private static void moveIntoPlace(Path staging, Path dir) throws IOException {
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            throw new StationException(dir + " received files while the station was being prepared; nothing was"
                    + " changed, try again with an empty folder", e);
        }
        Files.createDirectories(dir.getParent());
        try {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            throw new StationException(dir + " appeared while the station was being prepared; nothing was changed", e);
        }
    }

    /** Removes a half-made station; a file that cannot go is logged, the original failure is what counts. */
    private static void deleteQuietly(Path staging) {
        if (!Files.exists(staging)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(staging)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("could not remove the unfinished station folder {}: {}", staging, e.toString());
        }
    }
}
