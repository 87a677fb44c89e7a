package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.sincro.db.Database;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.prices.SpecialPrices;
import io.sincro.db.testing.Sql;
import io.sincro.exchange.Mailbox;
import io.sincro.format.Entity;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageStream;
import io.sincro.format.envelope.KeyFiles;
import io.sincro.format.envelope.Keyring;
import io.sincro.format.envelope.SigningKey;
import io.sincro.format.envelope.StreamKey;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.PriceListRow;
import io.sincro.testing.SampleStations;

/**
 * What someone holding the mailbox's login (another agent, say) can no longer do: every forgery and
 * replay is refused as forged through the real sync and a real FTP server, changes nothing and
 * consumes nothing; the genuine package of that number is imported afterwards, exactly once.
 */
class ForgeryTest {

    private static final String A01_PRICE = "SELECT price FROM special_price WHERE customer_code = 'C00001'"
            + " AND product_code = 'P00081'";
    private static final Instant STAMP_2030 = Instant.parse("2030-01-01T00:00:00Z");

    @RegisterExtension
    final Company company = Company.afterFirstSyncs("A01", "A02");

    @Test
    void anotherAgentsKeyCannotWriteIntoAnAgentsStreamAndTheGenuinePackageOfThatNumberArrivesLater() throws IOException {
        long next = lastWritten(company.agent("A01"), PackageStream.fromAgent("A01")) + 1;
        forge(a02KeyNamedAsA01(), PackageStream.fromAgent("A01"), next, PackageKind.DELTA, 0, rows -> rows.specialPrice(
                new io.sincro.format.rows.SpecialPrice("C00001", "P00081", new BigDecimal("0.01"), BigDecimal.ZERO,
                        STAMP_2030, "A01")));

        SyncReport refused = company.syncHeadOffice();

        assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("A01_to_HQ_" + nine(next))
                .contains("forged"));
        assertThat(Sql.column(company.hq, A01_PRICE)).containsExactly("32.6200");
        assertThat(company.packagesIn("SincroAg/A01")).isEmpty();
        assertThat(hqFolder().resolve("rejected/A01_to_HQ_" + nine(next) + ".sincro.forged")).exists();
        assertThat(new SyncStatus(company.hq, hqFolder()).setAside().names()).isEmpty();
        StationPackages.Listing listed;
        try (Mailbox mailbox = company.mailbox(company.hqClock)) {
            listed = new StationPackages(company.hq, hqFolder(), company.hqClock).list(mailbox);
        }
        assertThat(listed.packages()).singleElement().satisfies(w -> assertThat(w.whatToDo()).startsWith("nothing"));

        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        SyncReport sent = company.sync("A01");
        SyncReport imported = company.syncHeadOffice();

        assertThat(sent.sent()).extracting(SyncReport.Transfer::packageName).contains("A01_to_HQ_" + nine(next) + ".sincro");
        assertThat(imported.problems()).isEmpty();
        assertThat(Sql.column(company.hq, A01_PRICE)).containsExactly("30.0000");
        assertThat(Sql.count(company.hq, "SELECT COUNT(*) FROM imported_package WHERE stream = 'A01_to_HQ' AND sequence = "
                + next)).isEqualTo(1);
        assertThat(hqFolder().resolve("rejected/A01_to_HQ_" + nine(next) + ".sincro.forged")).doesNotExist();
    }

    @Test
    void aForgedHeadOfficePackageChangesNothingAtTheAgentAndTheGenuineOneOfThatNumberIsImported() throws IOException {
        long next = lastWritten(company.hq, PackageStream.toAgent("A01")) + 1;
        List<List<String>> customersBefore = Sql.rows(company.agent("A01"), "SELECT code, name FROM customer ORDER BY code");
        forge(a02KeyNamedAsA01(), PackageStream.toAgent("A01"), next, PackageKind.DELTA, 0, rows -> {
            rows.deletion(new Deletion(Entity.CUSTOMERS, "C00002", null, STAMP_2030, "HQ"));
            rows.specialPrice(new io.sincro.format.rows.SpecialPrice("C00001", "P00081", new BigDecimal("0.01"),
                    BigDecimal.ZERO, STAMP_2030, "HQ"));
        });

        SyncReport refused = company.sync("A01");

        assertThat(refused.problems()).singleElement().asString().contains("HQ_to_A01_" + nine(next)).contains("forged");
        assertThat(Sql.column(company.agent("A01"), A01_PRICE)).containsExactly("32.6200");
        assertThat(Sql.rows(company.agent("A01"), "SELECT code, name FROM customer ORDER BY code"))
                .isEqualTo(customersBefore);

        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00081",
                new BigDecimal("31.00"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
        company.syncHeadOffice();
        SyncReport genuine = company.sync("A01");

        assertThat(genuine.problems()).isEmpty();
        assertThat(genuine.received()).extracting(SyncReport.Transfer::packageName)
                .containsExactly("HQ_to_A01_" + nine(next) + ".sincro");
        assertThat(Sql.column(company.agent("A01"), A01_PRICE)).containsExactly("31.0000");
    }

    @Test
    void aCatalogSignedByAnyoneButTheHeadOfficeIsRefusedAndTheGenuineOneTakesItsNumber() throws IOException {
        long next = lastWritten(company.hq, PackageStream.catalog()) + 1;
        SigningKey impostor = SigningKey.generate(1);
        forge(Keyring.of(impostor, List.of()), PackageStream.catalog(), next, PackageKind.DELTA, next - 1,
                rows -> rows.priceListRow(new PriceListRow("BASE", "P00001", new BigDecimal("0.01"))));
        String price = "SELECT price FROM price_list_row WHERE price_list_code = 'BASE' AND product_code = 'P00001'";

        SyncReport refused = company.sync("A01");

        assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("HQ_catalog_" + nine(next))
                .contains("signature does not verify"));
        assertThat(Sql.column(company.agent("A01"), price)).containsExactly("22.0000");

        company.hq.useTransaction(c -> new io.sincro.db.catalog.PriceLists().save(c,
                new io.sincro.db.catalog.PriceListRow("BASE", "P00001", new BigDecimal("23.00")), company.hqClock.instant()));
        SyncReport published = company.syncHeadOffice();
        SyncReport genuine = company.sync("A01");

        assertThat(published.warnings()).anySatisfy(w -> assertThat(w).contains("did not write"));
        assertThat(genuine.problems()).isEmpty();
        assertThat(Sql.column(company.agent("A01"), price)).containsExactly("23.0000");
    }

    @Test
    void aFullPackageNumbered999999999InAnAgentsStreamIsRefusedAndTakesNothingWithIt() throws IOException {
        long next = lastWritten(company.agent("A01"), PackageStream.fromAgent("A01")) + 1;
        forge(Keyring.none(), PackageStream.fromAgent("A01"), 999_999_999L, PackageKind.FULL, 0, rows -> { });

        SyncReport refused = company.syncHeadOffice();
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.sync("A01");
        SyncReport imported = company.syncHeadOffice();

        assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("A01_to_HQ_999999999").contains("in clear"));
        assertThat(imported.received()).extracting(SyncReport.Transfer::packageName)
                .containsExactly("A01_to_HQ_" + nine(next) + ".sincro");
        assertThat(Sql.column(company.hq, A01_PRICE)).containsExactly("30.0000");
    }

    @Test
    void anOldPackageReplayedUnderANewNumberChangesNothing() throws IOException {
        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00081",
                new BigDecimal("31.00"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
        company.syncHeadOffice();
        long genuine = lastWritten(company.hq, PackageStream.toAgent("A01"));
        Path kept = company.root.resolve("kept.sincro");
        Files.copy(company.served("SincroSede/A01/HQ_to_A01_" + nine(genuine) + ".sincro"), kept);
        company.sync("A01");
        company.agent("A01").useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00081",
                new BigDecimal("35.00"), BigDecimal.ZERO, company.clock("A01").instant(), "A01")));

        Files.copy(kept, company.served("SincroSede/A01/HQ_to_A01_" + nine(genuine + 1) + ".sincro"));
        SyncReport replayed = company.sync("A01");

        assertThat(replayed.problems()).anySatisfy(p -> assertThat(p).contains("renamed").contains("forged"));
        assertThat(Sql.column(company.agent("A01"), A01_PRICE)).containsExactly("35.0000");
        assertThat(company.packagesIn("SincroSede/A01")).doesNotContain("HQ_to_A01_" + nine(genuine + 1) + ".sincro");
    }

    @Test
    void aRekeyedAgentsOldStationIsRefusedAndAStationPreparedAgainWorksAtItsNextSync() {
        StreamKey replaced = new KeyFiles(hqFolder().resolve(KeyFiles.FOLDER)).newStreamKey("A01");
        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        company.sync("A01");

        SyncReport refused = company.syncHeadOffice();

        assertThat(replaced.id()).isEqualTo("A01.2");
        assertThat(refused.problems()).anySatisfy(p -> assertThat(p).contains("A01.1").contains("replaced"));
        assertThat(Sql.column(company.hq, A01_PRICE)).containsExactly("32.6200");

        company.prepareAgain("A01");
        company.syncHeadOffice();
        SyncReport again = company.sync("A01");

        assertThat(again.problems()).isEmpty();
        assertThat(Sql.column(company.agent("A01"), A01_PRICE)).containsExactly("32.6200");
    }

    @Test
    void anotherAgentsKeysCannotOpenAnAgentsPackages() {
        long last = lastWritten(company.hq, PackageStream.toAgent("A01"));
        company.hq.useTransaction(c -> new SpecialPrices().save(c, new SpecialPrice("C00001", "P00081",
                new BigDecimal("31.00"), BigDecimal.ZERO, company.hqClock.instant(), "HQ")));
        company.syncHeadOffice();
        Path published = company.served("SincroSede/A01/HQ_to_A01_" + nine(last + 1) + ".sincro");
        Keyring a02 = new KeyFiles(company.folder("A02").resolve(KeyFiles.FOLDER)).load();

        assertThatThrownBy(() -> files(a02).verify(published)).isInstanceOfSatisfying(PackageRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(PackageRefusedException.Reason.FORGED));
        assertThatThrownBy(() -> files(a02KeyNamedAsA01()).verify(published))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e).hasMessageContaining(
                        "does not authenticate under key A01.1"));
    }

    @Test
    void aForgerySquattingOnTheAgentsNextNumberIsReplacedByTheAgentsOwnPackage() throws IOException {
        long next = lastWritten(company.agent("A01"), PackageStream.fromAgent("A01")) + 1;
        forge(a02KeyNamedAsA01(), PackageStream.fromAgent("A01"), next, PackageKind.DELTA, 0, rows -> rows.specialPrice(
                new io.sincro.format.rows.SpecialPrice("C00001", "P00081", new BigDecimal("0.01"), BigDecimal.ZERO,
                        STAMP_2030, "A01")));
        String name = "A01_to_HQ_" + nine(next) + ".sincro";

        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        SyncReport sent = company.sync("A01");
        SyncReport imported = company.syncHeadOffice();

        assertThat(sent.warnings()).anySatisfy(w -> assertThat(w).contains(name)
                .contains("failed the check of this station's keys"));
        assertThat(imported.problems()).isEmpty();
        assertThat(Sql.column(company.hq, A01_PRICE)).containsExactly("30.0000");
    }

    @Test
    void aPackageSealedWithTheAgentsOwnKeyUnderItsNextNumberIsNeverRemovedByTheAgent() throws IOException {
        // what a second laptop holding A01's settings and keys would upload: genuine, not a forgery
        Keyring a01 = new KeyFiles(company.folder("A01").resolve(KeyFiles.FOLDER)).load();
        long next = lastWritten(company.agent("A01"), PackageStream.fromAgent("A01")) + 1;
        forge(a01, PackageStream.fromAgent("A01"), next, PackageKind.DELTA, 0, rows -> rows.specialPrice(
                new io.sincro.format.rows.SpecialPrice("C00001", "P00081", new BigDecimal("29.00"), BigDecimal.ZERO,
                        company.clock("A01").instant(), "A01")));
        String name = "A01_to_HQ_" + nine(next) + ".sincro";
        byte[] twins = Files.readAllBytes(company.served("SincroAg/A01/" + name));

        company.work("A01").prices().setSpecialPrice("C00001", "P00081", new BigDecimal("30.00"), BigDecimal.ZERO);
        SyncReport sent = company.sync("A01");

        assertThat(sent.problems()).as(sent.toString()).anySatisfy(p -> assertThat(p).contains(name)
                .contains("is already in SincroAg/A01 with " + twins.length + " bytes")
                .contains("another station may be using this station's settings"));
        assertThat(Files.readAllBytes(company.served("SincroAg/A01/" + name))).isEqualTo(twins);
    }

    /** Agent A02's own key under agent A01's key name: what A02 would try. */
    private Keyring a02KeyNamedAsA01() {
        Keyring a02 = new KeyFiles(company.folder("A02").resolve(KeyFiles.FOLDER)).load();
        return Keyring.of(a02.signingKey().orElseThrow(), List.of(new StreamKey("A01.1",
                a02.streamKey("A02").orElseThrow().secret())));
    }

    private static PackageFiles files(Keyring keys) {
        return Forger.files(keys);
    }

    private void forge(Keyring keys, PackageStream stream, long sequence, PackageKind kind, long basedOn,
                       PackageFiles.Content<RuntimeException> rows) throws IOException {
        new Forger(company).forge(keys, stream, sequence, kind, basedOn, rows);
    }

    private static long lastWritten(Database station, PackageStream stream) {
        return Forger.lastWritten(station, stream);
    }

    private Path hqFolder() {
        return company.root.resolve(SampleStations.HEAD_OFFICE);
    }

    private static String nine(long sequence) {
        return Forger.nine(sequence);
    }
}
