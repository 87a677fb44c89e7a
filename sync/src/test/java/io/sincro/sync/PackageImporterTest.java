package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Database;
import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Products;
import io.sincro.db.customers.Customers;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.testing.Forge;
import io.sincro.sync.ledger.Acknowledgements;
import io.sincro.sync.ledger.ImportedPackage;
import io.sincro.sync.ledger.ImportedPackages;
import io.sincro.testing.EmptyStations;

/** Importing: exactly once, in order, in the caller's transaction, nothing left of a refusal. */
class PackageImporterTest {

    /** Everything an import can touch at an agent, row by row. */
    private static final String AGENT_STATE = """
            SELECT 'product', code FROM product UNION ALL SELECT 'row', price_list_code || product_code FROM price_list_row
            UNION ALL SELECT 'customer', code FROM customer UNION ALL SELECT 'package', stream || CAST(sequence AS CHAR(9))
            FROM imported_package ORDER BY 1, 2""";

    @TempDir
    Path dir;

    private World world;

    @BeforeEach
    void aHeadOfficeWithACatalogAndACustomer() {
        world = new World(dir);
        world.hq.useTransaction(c -> {
            new PriceLists().save(c, Rows.priceList("L1"), world.hqClock.instant());
            for (int i = 1; i <= 5; i++) {
                new Products().save(c, Rows.product("P" + i), world.hqClock.instant());
                new PriceLists().save(c, Rows.price("L1", "P" + i, i + ".00"), world.hqClock.instant());
            }
            new Customers().save(c, Rows.customer("C1").assignedTo("A01").build(), world.hqClock.instant());
        });
    }

    @AfterEach
    void close() {
        world.close();
    }

    private Database agent() {
        return world.agent("A01");
    }

    private WrittenPackage catalogDelta(long basedOn) {
        return world.exchange.delta(world.hq, PackageStream.catalog(), basedOn);
    }

    private void addProduct(String code) {
        world.hq.useTransaction(c -> new Products().save(c, Rows.product(code), world.hqClock.instant()));
    }

    @Test
    void aPackageImportedTwiceChangesNothingTheSecondTime() {
        WrittenPackage full = world.sendDown("A01", PackageKind.FULL);
        assertThat(world.exchange.receive(agent(), full).outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
        List<List<String>> after = Sql.rows(agent(), AGENT_STATE);

        ImportReport again = world.exchange.receive(agent(), full);

        assertThat(again.outcome()).isEqualTo(ImportReport.Outcome.ALREADY_IMPORTED);
        assertThat(again.receipt().tallies()).isEmpty();
        assertThat(Sql.rows(agent(), AGENT_STATE)).isEqualTo(after);
    }

    @Test
    void aPackageRefusedForOneOfItsRowsRecordsNeitherItselfNorWhatItAcknowledges() {
        world.syncDown("A01");
        agent().useTransaction(c -> new Customers().insert(c, Rows.customer("X99").assignedTo("A01").createdByAgent()
                .build()));
        String ledger = """
                SELECT 'package', stream || CAST(sequence AS CHAR(9)) FROM imported_package
                UNION ALL SELECT 'acknowledged', stream || station || CAST(sequence AS CHAR(9)) FROM acknowledgement
                ORDER BY 1, 2""";
        List<List<String>> before = Sql.rows(world.hq, ledger);

        // its identity and acknowledgements go in the transaction of its rows
        assertThatThrownBy(() -> world.syncUp("A01"))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("carries customer X99");
        assertThat(Sql.rows(world.hq, ledger)).isEqualTo(before);
    }

    @Test
    void aMissingPackageStopsTheImportNamingItAndNothingIsSkipped() {
        WrittenPackage first = world.exchange.full(world.hq, PackageStream.catalog());
        addProduct("P6");
        WrittenPackage second = catalogDelta(1);
        addProduct("P7");
        WrittenPackage third = catalogDelta(2);
        world.exchange.receive(agent(), first);
        List<List<String>> before = Sql.rows(agent(), AGENT_STATE);

        assertThatThrownBy(() -> world.exchange.receive(agent(), third))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SEQUENCE);
                    assertThat(e.mustWait()).isTrue();
                })
                .hasMessageContaining("HQ_catalog_000000003.sincro holds the changes after package 2")
                .hasMessageContaining("imported only up to 1; package 2 must be imported first");
        assertThat(Sql.rows(agent(), AGENT_STATE)).isEqualTo(before);

        world.exchange.receive(agent(), second);
        assertThat(world.exchange.receive(agent(), third).outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
        assertThat(Sql.column(agent(), "SELECT code FROM product WHERE code > 'P5' ORDER BY code")).containsExactly("P6", "P7");
    }

    @Test
    void aDeltaBasedOnAPackageAlreadyImportedMayFollowAGapItCovers() {
        WrittenPackage first = world.exchange.full(world.hq, PackageStream.catalog());
        addProduct("P6");
        WrittenPackage second = catalogDelta(1);
        addProduct("P7");
        WrittenPackage third = catalogDelta(1);
        world.exchange.receive(agent(), first);

        assertThat(world.exchange.receive(agent(), third).outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
        assertThat(world.exchange.receive(agent(), second).outcome()).isEqualTo(ImportReport.Outcome.SUPERSEDED);
        assertThat(Sql.column(agent(), "SELECT code FROM product WHERE code > 'P5' ORDER BY code")).containsExactly("P6", "P7");
    }

    @Test
    void aRefusedPackageLeavesTheDatabaseAsItWasEvenAfterSomeRowsWereApplied() throws Exception {
        world.exchange.receive(agent(), world.sendDown("A01", PackageKind.FULL));
        List<List<String>> before = Sql.rows(agent(), AGENT_STATE);
        // a head office package to A01 whose second customer belongs to another agent: the first
        // customer is inserted before the rule stops the import
        String document = Forge.document("HQ_to_A01", "HQ", "A01", 2, "<count entity=\"customers\" rows=\"2\" deletions=\"0\"/>",
                """
                <customers>
                <customer code="C8" agent="A01" origin="HEAD_OFFICE" createdAt="2026-03-02T08:00:00Z"><name>ok</name></customer>
                <customer code="C9" agent="A02" origin="HEAD_OFFICE" createdAt="2026-03-02T08:00:00Z"><name>not ours</name></customer>
                </customers>""");
        Path file = Forge.sealed(world.exchange.mailbox(), "HQ_to_A01_000000002.sincro", document);

        assertThatThrownBy(() -> world.exchange.receive(agent(), file))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.RULE_VIOLATED))
                .hasMessageContaining("customer C9 assigned to A02, not to this agent A01");
        assertThat(Sql.rows(agent(), AGENT_STATE)).isEqualTo(before);
    }

    @Test
    void aTamperedPackageIsRefusedBeforeTheDatabaseIsTouched() throws Exception {
        WrittenPackage full = world.exchange.full(world.hq, PackageStream.catalog());
        Map<String, byte[]> entries = Forge.entries(full.file());
        entries.put("package.xml", new String(entries.get("package.xml"), StandardCharsets.UTF_8)
                .replace("price=\"3.0000\"", "price=\"0.3000\"").getBytes(StandardCharsets.UTF_8));
        Files.delete(full.file());
        Forge.zip(world.exchange.mailbox(), full.name().fileName(), entries);
        List<List<String>> before = Sql.rows(agent(), AGENT_STATE);

        assertThatThrownBy(() -> world.exchange.receive(agent(), full.file()))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.SEAL_MISMATCH));
        assertThat(Sql.rows(agent(), AGENT_STATE)).isEqualTo(before);
    }

    @Test
    void aPackageForAnotherStationIsRefused() {
        WrittenPackage forA02 = world.sendDown("A02", PackageKind.FULL);

        assertThatThrownBy(() -> world.exchange.receive(agent(), forA02))
                .isInstanceOfSatisfying(PackageRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOR_THIS_STATION))
                .hasMessageContaining("goes from HQ to agent A02, and this station is the agent A01");
    }

    @Test
    void aPackageFromAnAgentTheHeadOfficeDoesNotKnowIsRefused() {
        Database stranger = EmptyStations.agent("B07", dir.resolve("b07"), world.hqClock);
        try {
            WrittenPackage fromStranger = world.exchange.delta(stranger, PackageStream.fromAgent("B07"), 0);

            assertThatThrownBy(() -> world.exchange.receive(world.hq, fromStranger))
                    .hasMessageContaining("comes from agent B07, who is not in the company database");
        } finally {
            stranger.close();
        }
    }

    @Test
    void theImportSaysHowFarApartTheClocksAreAndKeepsItWithThePackage() {
        world.clock("A01").advance(Duration.ofMinutes(10));
        WrittenPackage up = world.exchange.delta(agent(), PackageStream.fromAgent("A01"), 0);

        ImportReport report = world.exchange.receive(world.hq, up);

        assertThat(report.clockDifference()).isEqualTo(Duration.ofMinutes(-10));
        ImportedPackage recorded = world.hq.inTransaction(c -> new ImportedPackages().find(c, up.name())).orElseThrow();
        assertThat(recorded.clockDifference()).isEqualTo(Duration.ofMinutes(-10));
        assertThat(recorded.sha256()).isEqualTo(up.seal().digest());
    }

    @Test
    void theAcknowledgementsAPackageCarriesAreRecordedAndTheNextDeltaBuildsOnThem() {
        world.syncDown("A01");
        world.syncUp("A01");

        long acknowledged = world.hq.inTransaction(c -> new Acknowledgements().acknowledged(c, PackageStream.toAgent("A01"), "A01"));
        long catalog = world.hq.inTransaction(c -> new Acknowledgements().acknowledged(c, PackageStream.catalog(), "A01"));
        assertThat(acknowledged).isEqualTo(1);
        assertThat(catalog).isEqualTo(1);
        WrittenPackage next = world.sendDown("A01", PackageKind.DELTA);
        assertThat(next.header().basedOn()).isEqualTo(1);
        assertThat(next.header().totalRows()).isZero();
    }

    @Test
    void aStreamAcknowledgedTwiceInOneHeaderIsRecordedOnceAtItsHighestFigure() {
        world.exchange.receive(agent(), world.sendDown("A01", PackageKind.FULL));
        world.exchange.delta(agent(), PackageStream.fromAgent("A01"), 0);
        world.exchange.delta(agent(), PackageStream.fromAgent("A01"), 1);
        String document = Forge.document("HQ_to_A01", "HQ", "A01", 2, "<acknowledges stream=\"A01_to_HQ\" sequence=\"2\"/>"
                + "<acknowledges stream=\"A01_to_HQ\" sequence=\"1\"/>", "");
        Path file = Forge.sealed(world.exchange.mailbox(), "HQ_to_A01_000000002.sincro", document);

        world.exchange.receive(agent(), file);

        long acknowledged = agent().inTransaction(c -> new Acknowledgements().acknowledged(c, PackageStream.fromAgent("A01"),
                "HQ"));
        assertThat(acknowledged).isEqualTo(2);
    }

    @Test
    void theImportRunsInTheCallersTransactionSoItsOwnLedgerCommitsOrRollsBackWithIt() {
        Database station = agent();
        station.useTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ledger (name VARCHAR(60) NOT NULL PRIMARY KEY)");
            }
        });
        WrittenPackage full = world.exchange.full(world.hq, PackageStream.catalog());
        PackageImporter importer = world.exchange.importer(station);
        VerifiedPackage verified = importer.verify(full.file());

        assertThatThrownBy(() -> station.useTransaction(c -> {
            ImportReport report = importer.importPackage(c, verified);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO ledger VALUES (?)")) {
                s.setString(1, report.name().fileName());
                s.executeUpdate();
            }
            throw new IllegalStateException("the process dies before the commit");
        })).hasMessage("the process dies before the commit");

        assertThat(Sql.count(station, "SELECT COUNT(*) FROM ledger")).isZero();
        assertThat(Sql.count(station, "SELECT COUNT(*) FROM imported_package")).isZero();
        assertThat(Sql.count(station, "SELECT COUNT(*) FROM product")).isZero();
        station.useTransaction(c -> importer.importPackage(c, verified));
        assertThat(Sql.count(station, "SELECT COUNT(*) FROM product")).isEqualTo(5);
    }
}
