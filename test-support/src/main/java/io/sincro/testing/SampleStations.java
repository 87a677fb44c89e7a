package io.sincro.testing;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Templates;
import io.sincro.office.stations.AgentStations;
import io.sincro.office.stations.StationSetup;

/**
 * A JUnit 5 extension: before each test, a folder of the test's own holding the sample company's
 * head office and the stations of the agents named, prepared from it at {@link Rows#T0}
 * ({@link SampleCompany#prepared}); after the test, the folder is removed. The databases are
 * closed: the test opens them with the clocks it wants.
 *
 * <pre>{@code
 * static final StationSetup HANDOVER = StationSetup.of(StationHandover::carryOn, StationHandover::writeKeys);
 *
 * @RegisterExtension
 * final SampleStations stations = SampleStations.prepared(HANDOVER, "A01");
 *
 * @Test
 * void something() {
 *     try (Database hq = Database.open(stations.database(SampleStations.HEAD_OFFICE), clock)) { ... }
 * }
 * }</pre>
 */
public final class SampleStations implements BeforeEachCallback, AfterEachCallback {

    /** The head office's station folder. */
    public static final String HEAD_OFFICE = SampleCompany.HEAD_OFFICE;

    /** What a test class does to the prepared stations before each of its tests, such as the first syncs. */
    @FunctionalInterface
    public interface Stage {
        /** Works on the stations in {@code root}, leaving every database in it closed. */
        void run(Path root) throws Exception;
    }

    private final StationSetup exchange;
    private final List<String> agents;
    private final String stageName;
    private final Stage stage;
    private Path root;

    private SampleStations(StationSetup exchange, List<String> agents, String stageName, Stage stage) {
        this.exchange = exchange;
        this.agents = agents;
        this.stageName = stageName;
        this.stage = stage;
    }

    /**
     * The head office and the stations of {@code agents} prepared with {@code exchange} (the sync's
     * {@code StationHandover}; one instance for every test, see {@link SampleCompany#prepared}).
     */
    public static SampleStations prepared(StationSetup exchange, String... agents) {
        return new SampleStations(exchange, List.of(agents), null, null);
    }

    /**
     * The same stations as {@code stage} leaves them, the stage run once per JVM on a template and
     * the result copied for each test; {@code name} says what the stage did, and names the template.
     */
    public SampleStations then(String name, Stage then) {
        if (stage != null) {
            throw new IllegalStateException("the stations already go through '" + stageName + "'; one stage only");
        }
        return new SampleStations(exchange, agents, name, then);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        root = TestFolder.make("sincro-stations-");
        String[] prepared = agents.toArray(String[]::new);
        if (stage == null) {
            SampleCompany.prepared(root, Rows.T0, exchange, prepared);
        } else {
            Templates.copy("the sample company with " + agents + " prepared by " + exchange.getClass().getName()
                    + ", then " + stageName, folder -> {
                        SampleCompany.prepared(folder, Rows.T0, exchange, prepared);
                        stage.run(folder);
                    }, root);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        TestFolder.remove(root);
        root = null;
    }

    /** The folder of this test's stations. */
    public Path root() {
        if (root == null) {
            throw new IllegalStateException("the sample stations exist during a test only; register them with"
                    + " @RegisterExtension on a field that is not static");
        }
        return root;
    }

    /** The station folder of {@link #HEAD_OFFICE} or of an agent, such as {@code A01}. */
    public Path folder(String station) {
        return root().resolve(station);
    }

    /** The database folder of {@link #HEAD_OFFICE} or of an agent. */
    public Path database(String station) {
        return folder(station).resolve(AgentStations.DATABASE_FOLDER);
    }
}
