package io.sincro.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.catalog.PriceLists;
import io.sincro.db.catalog.Products;
import io.sincro.db.testing.Rows;
import io.sincro.db.testing.Sql;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.testing.Forge;

/**
 * A package from a database of the sender's the receiver never imported from (the head office
 * restored from a backup): a number used before is never taken for a package imported before, its
 * deltas wait for the full package that begins it, and the earlier database's packages change nothing
 * once it took over.
 */
class NewEpochTest {

    private static final String RESTORED = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private World world;
    private WrittenPackage first;

    @BeforeEach
    void anAgentThatImportedTheFirstCatalog() {
        world = new World(dir);
        world.hq.useTransaction(c -> {
            new PriceLists().save(c, Rows.priceList("L1"), world.hqClock.instant());
            new Products().save(c, Rows.product("P1"), world.hqClock.instant());
        });
        first = world.exchange.full(world.hq, PackageStream.catalog());
        world.exchange.receive(world.agent("A01"), first);
    }

    @AfterEach
    void close() {
        world.close();
    }

    @Test
    void aNumberImportedBeforeFromAnotherDatabaseWaitsInsteadOfBeingSkipped() throws IOException {
        Path reused = restoredCatalog(1, "FULL", "<priceLists><priceList code=\"L9\"><description>nuovo</description>"
                + "</priceList></priceLists>");

        assertThatThrownBy(() -> world.exchange.receive(world.agent("A01"), reused))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.OUT_OF_SEQUENCE);
                    assertThat(e.mustWait()).isTrue();
                })
                .hasMessageContaining("comes from the head office's database under a new identity (epoch 01234567")
                .hasMessageContaining("number 1 was used before with other content, so it is not taken for a package"
                        + " imported before; it waits until the head office carries on after 1");
        assertThat(Sql.count(world.agent("A01"), "SELECT COUNT(*) FROM price_list WHERE code = 'L9'")).isZero();
    }

    @Test
    void aDeltaOfANewDatabaseWaitsForTheFullPackageThatBeginsIt() throws IOException {
        Path delta = restoredCatalog(2, "DELTA", "");

        assertThatThrownBy(() -> world.exchange.receive(world.agent("A01"), delta))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.mustWait()).isTrue())
                .hasMessageContaining("is a delta of the head office's database under a new identity")
                .hasMessageContaining("it waits for the full package that begins it");
    }

    @Test
    void aFullPackageAboveWhatWasImportedBeginsTheNewDatabaseAndTheEarlierOnesPackagesChangeNothing()
            throws IOException {
        WrittenPackage lost = world.exchange.delta(world.hq, PackageStream.catalog(), 1);
        Path full = restoredCatalog(3, "FULL", "<priceLists><priceList code=\"L9\"><description>nuovo</description>"
                + "</priceList></priceLists>");

        ImportReport began = world.exchange.receive(world.agent("A01"), full);
        ImportReport after = world.exchange.receive(world.agent("A01"), lost);

        assertThat(began.outcome()).isEqualTo(ImportReport.Outcome.IMPORTED);
        assertThat(after.outcome()).isEqualTo(ImportReport.Outcome.SUPERSEDED);
        assertThat(Sql.column(world.agent("A01"), "SELECT epoch FROM imported_package WHERE stream = 'HQ_catalog'"
                + " ORDER BY sequence")).hasSize(2).last().isEqualTo(RESTORED);
    }

    /** A catalog package written by the restored head office's database, in clear as the world's are. */
    private Path restoredCatalog(long sequence, String kind, String body) throws IOException {
        String counts = body.isEmpty() ? "" : "<count entity=\"priceLists\" rows=\"1\" deletions=\"0\"/>";
        String document = Forge.document("HQ_catalog", "HQ", "*", sequence, counts + "<epoch>" + RESTORED + "</epoch>", body)
                .replace("formatVersion=\"1\"", "formatVersion=\"3\"")
                .replace("<kind>FULL</kind>", "DELTA".equals(kind) ? "<kind>DELTA</kind><basedOn>1</basedOn>" : "<kind>FULL</kind>");
        Path folder = Files.createDirectories(dir.resolve("restored"));
        return Forge.sealed(folder, "HQ_catalog_" + String.format("%09d", sequence) + ".sincro", document);
    }
}
