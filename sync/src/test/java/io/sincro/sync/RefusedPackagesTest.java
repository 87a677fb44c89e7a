package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.testing.Sql;
import io.sincro.exchange.Mailbox;
import io.sincro.testing.SampleStations;

/** A package set aside or left waiting has a way back through the sync, with no hand surgery on the mailbox. */
class RefusedPackagesTest {

    private static final String A01_PACKAGE = "SincroSede/A01/HQ_to_A01_000000001.sincro";

    @RegisterExtension
    final Company company = Company.withAgents("A01");

    @TempDir
    Path transit;

    @Test
    void aResendOfTheSameSizeAfterAByteFlippedInTransitIsImported() throws IOException {
        company.syncHeadOffice();
        Path served = company.served(A01_PACKAGE);
        byte[] good = Files.readAllBytes(served);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x5a;
        Files.write(served, flipped);
        SyncReport refused = company.sync("A01");
        assertThat(refused.problems()).singleElement().asString().contains("was refused");

        // the head office sends the same package again: its copy in the outbox, the same size
        Files.copy(company.folder(SampleStations.HEAD_OFFICE).resolve("outbox/HQ_to_A01_000000001.sincro"), served,
                StandardCopyOption.REPLACE_EXISTING);
        SyncReport again = company.sync("A01");

        assertThat(again.problems()).isEmpty();
        assertThat(again.received()).extracting(SyncReport.Transfer::packageName).contains("HQ_to_A01_000000001.sincro");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer")).isPositive();
        assertThat(company.folder("A01").resolve("rejected/HQ_to_A01_000000001.sincro")).doesNotExist();
        assertThat(company.packagesIn("SincroSede/A01")).isEmpty();
    }

    @Test
    void theSameBytesRefusedBeforeAreNotTriedAgainAndTheMessageSaysHowToRetry() throws IOException {
        company.syncHeadOffice();
        Path served = company.served(A01_PACKAGE);
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);
        company.sync("A01");

        SyncReport second = company.sync("A01");

        assertThat(second.problems()).singleElement().asString().contains("refused by an earlier sync and is unchanged")
                .contains("sincro packages retry HQ_to_A01_000000001.sincro");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM journal WHERE event = 'REJECTED'")).isEqualTo(1);
    }

    @Test
    void aHeadOfficePackageThatArrivesBeforeTheCatalogWaitsAndIsImportedOnceTheCatalogHasCome() throws IOException {
        company.syncHeadOffice();
        Path catalog = company.served("SincroSede/HQ_catalog_000000001.sincro");
        Path held = transit.resolve(catalog.getFileName());
        Files.move(catalog, held);

        SyncReport early = company.sync("A01");
        SyncReport stillEarly = company.sync("A01");

        assertThat(early.succeeded()).isFalse();
        assertThat(early.problems()).singleElement().asString().contains("HQ_to_A01_000000001.sincro")
                .contains("refers to price list").contains("which this station does not have yet")
                .contains("imported once the catalog that carries it has come");
        assertThat(company.folder("A01").resolve("rejected")).doesNotExist();
        assertThat(company.packagesIn("SincroSede/A01")).containsExactly("HQ_to_A01_000000001.sincro");
        assertThat(stillEarly.problems()).singleElement().asString().contains("which this station does not have yet");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM journal WHERE event = 'WAITING'")).isEqualTo(1);
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer")).isZero();

        Files.move(held, catalog);
        SyncReport arrived = company.sync("A01");

        assertThat(arrived.problems()).isEmpty();
        assertThat(arrived.received()).extracting(SyncReport.Transfer::packageName)
                .containsExactly("HQ_catalog_000000001.sincro", "HQ_to_A01_000000001.sincro");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer")).isEqualTo(
                Sql.count(company.hq, "SELECT COUNT(*) FROM customer WHERE agent_code = 'A01'"));
    }

    @Test
    void aDiscardedPackageIsSentAgainByItsSenderAndThenImported() throws IOException {
        company.syncHeadOffice();
        Path served = company.served(A01_PACKAGE);
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);
        company.sync("A01");
        StationPackages a01 = new StationPackages(company.agent("A01"), company.folder("A01"), company.clock("A01"));
        assertThat(list(a01)).singleElement().satisfies(w -> {
            assertThat(w.place()).isEqualTo(StationPackages.Place.SET_ASIDE);
            assertThat(w.reason()).contains("was refused");
            assertThat(w.whatToDo()).contains("sincro packages retry HQ_to_A01_000000001.sincro");
        });

        String said;
        try (Mailbox mailbox = company.mailbox(company.clock("A01"))) {
            said = a01.discard("HQ_to_A01_000000001.sincro", mailbox);
        }
        company.advance(Duration.ofHours(2));
        SyncReport resent = company.syncHeadOffice();
        SyncReport imported = company.sync("A01");

        assertThat(said).contains("the head office sends it again");
        assertThat(resent.sent()).extracting(SyncReport.Transfer::packageName).contains("HQ_to_A01_000000001.sincro");
        assertThat(imported.problems()).isEmpty();
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM customer")).isPositive();
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM journal WHERE event = 'DISCARDED'")).isEqualTo(1);
        assertThat(list(a01)).isEmpty();
    }

    @Test
    void aRetriedPackageIsTriedAgainByTheNextSyncEvenIfUnchanged() throws IOException {
        company.syncHeadOffice();
        Path served = company.served(A01_PACKAGE);
        byte[] bytes = Files.readAllBytes(served);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(served, bytes);
        company.sync("A01");
        StationPackages a01 = new StationPackages(company.agent("A01"), company.folder("A01"), company.clock("A01"));

        String said = a01.retry("HQ_to_A01_000000001.sincro");
        SyncReport again = company.sync("A01");

        assertThat(said).contains("the next sync tries the copy in the mailbox again");
        assertThat(again.problems()).singleElement().asString().contains("was refused").contains("set aside in");
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM journal WHERE event = 'REJECTED'")).isEqualTo(2);
        assertThat(Sql.count(company.agent("A01"), "SELECT COUNT(*) FROM journal WHERE event = 'RETRIED'")).isEqualTo(1);
    }

    @Test
    void onlyAPackageSetAsideCanBeRetriedAndANameIsNeverAPath() throws IOException {
        company.syncHeadOffice();
        Path catalog = company.served("SincroSede/HQ_catalog_000000001.sincro");
        Path held = transit.resolve(catalog.getFileName());
        Files.move(catalog, held);
        company.sync("A01");
        StationPackages a01 = new StationPackages(company.agent("A01"), company.folder("A01"), company.clock("A01"));
        assertThat(list(a01)).singleElement().satisfies(w -> {
            assertThat(w.place()).isEqualTo(StationPackages.Place.MAILBOX);
            assertThat(w.reason()).contains("which this station does not have yet");
        });

        assertThatThrownBy(() -> a01.retry("HQ_to_A01_000000001.sincro"))
                .hasMessageContaining("is not set aside").hasMessageContaining("every sync tries");
        assertThatThrownBy(() -> a01.retry("../sincro.properties")).hasMessageContaining("is not the name of a Sincro package");
        Files.move(held, catalog);
        assertThat(company.sync("A01").problems()).isEmpty();
    }

    private List<StationPackages.Waiting> list(StationPackages packages) {
        try (Mailbox mailbox = company.mailbox(company.clock("A01"))) {
            return packages.list(mailbox).packages();
        }
    }
}
