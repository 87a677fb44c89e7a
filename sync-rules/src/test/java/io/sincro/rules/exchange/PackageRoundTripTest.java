package io.sincro.rules.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.db.Origin;
import io.sincro.db.catalog.PriceList;
import io.sincro.db.catalog.Product;
import io.sincro.db.catalog.StockLevel;
import io.sincro.db.customers.Customer;
import io.sincro.db.orders.OrderNumber;
import io.sincro.db.orders.OrderStatus;
import io.sincro.db.testing.Rows;
import io.sincro.rules.parcel.Acknowledgement;
import io.sincro.rules.parcel.Deletion;
import io.sincro.rules.parcel.Entity;
import io.sincro.rules.parcel.EntityCount;
import io.sincro.rules.parcel.OrderDocument;
import io.sincro.rules.parcel.OrderStatusUpdate;
import io.sincro.rules.parcel.PackageHeader;
import io.sincro.rules.parcel.PackageKind;
import io.sincro.rules.parcel.Stream;
import io.sincro.rules.testing.Collected;
import io.sincro.rules.testing.Exchanges;
import io.sincro.rules.testing.Forge;
import io.sincro.rules.testing.Sample;
import io.sincro.rules.xml.PackageXml;

class PackageRoundTripTest {

    @TempDir
    Path dir;

    private final PackageFiles files = new Exchanges(Path.of("unused")).files();

    /** Every kind of row and deletion, with the awkward values real data holds. */
    private static Collected everyEntity() {
        Collected rows = new Collected();
        rows.priceList(new PriceList("L1", "Listino \"base\" & <sconti>"));
        rows.product(new Product("P1", "Vite M8 × 40 — zincata", "PZ", new BigDecimal("22.00"), true));
        rows.product(new Product("P2", "Ritirato", "KG", new BigDecimal("4.00"), false));
        rows.deletion(new Deletion(Entity.PRICE_LIST_ROWS, "L1", "P9", Sample.T0, "HQ"));
        rows.priceListRow(Rows.price("L1", "P1", "12.3456"));
        rows.deletion(new Deletion(Entity.STOCK, "P9", null, Sample.T0, "HQ"));
        rows.stockLevel(new StockLevel("P1", new BigDecimal("1500.250")));
        rows.deletion(new Deletion(Entity.CUSTOMERS, "C9", null, Sample.T0, "HQ"));
        rows.customer(new Customer("A01-00001", "Bar \"Sport\" & Co.", "IT01234567890", "Via Roma 1\nScala B\r\nInt. 3",
                "Forlì", "bar@example.com", "+39 0543 123\t456", "A01", "L1", Origin.AGENT,
                Instant.parse("2026-03-02T08:15:30.123456Z")));
        rows.customer(new Customer("C2", "Only a name", null, null, null, null, null, "A01", null,
                Origin.HEAD_OFFICE, Sample.T0));
        rows.deletion(new Deletion(Entity.SPECIAL_PRICES, "C2", "P2", Instant.parse("2026-03-02T07:00:00.5Z"), "A01"));
        rows.specialPrice(Sample.specialPrice("A01-00001", "P1", "9.9000", Instant.parse("2026-03-02T08:00:00.000000001Z"), "A01"));
        rows.order(new OrderDocument(Sample.order("A01", 42, "A01-00001", OrderStatus.SUBMITTED), Sample.lines("P1", "P2")));
        rows.orderStatus(new OrderStatusUpdate(new OrderNumber("A01", 41), OrderStatus.REJECTED, "out of stock\nuntil May"));
        rows.orderStatus(new OrderStatusUpdate(new OrderNumber("A01", 40), OrderStatus.SHIPPED, null));
        return rows;
    }

    private WrittenPackage write(Collected rows) throws Exception {
        return files.write(dir, Sample.header(Stream.toAgent("A01"), 7), rows::replay);
    }

    @Test
    void everyEntityReadsBackEqualToWhatWasWritten() throws Exception {
        Collected written = everyEntity();
        WrittenPackage p = write(written);

        Collected read = new Collected();
        PackageHeader header = files.read(files.verify(p.file()), h -> read);

        assertThat(read.rows()).containsExactlyElementsOf(written.rows());
        assertThat(header).isEqualTo(p.header());
    }

    @Test
    void theHeaderCarriesWhatTheSyncNeedsAndCountsEverySection() throws Exception {
        PackageHeader sent = new PackageHeader(1, Stream.fromAgent("A01"), 12, PackageKind.DELTA, 9,
                Instant.parse("2026-03-02T08:00:00Z"), java.time.OffsetDateTime.parse("2026-03-02T09:00:00.25+01:00"),
                List.of(new Acknowledgement(Stream.toAgent("A01"), 5), new Acknowledgement(Stream.catalog(), 31)),
                List.of());
        Collected rows = new Collected();
        rows.customer(Rows.customer("A01-00001").assignedTo("A01").createdByAgent().build());
        rows.specialPrice(Sample.specialPrice("A01-00001", "P1", "1.00", Sample.T0, "A01"));
        rows.specialPrice(Sample.specialPrice("A01-00001", "P2", "2.00", Sample.T0, "A01"));

        WrittenPackage p = files.write(dir, sent, rows::replay);
        PackageHeader read = files.verify(p.file()).header();

        assertThat(read).isEqualTo(sent.withCounts(List.of(new EntityCount(Entity.CUSTOMERS, 1, 0),
                new EntityCount(Entity.SPECIAL_PRICES, 2, 0))));
        assertThat(read.sender()).isEqualTo("A01");
        assertThat(read.recipient()).isEqualTo("HQ");
        assertThat(Forge.content(p.file())).contains("<sender>A01</sender>", "<recipient>HQ</recipient>",
                "<basedOn>9</basedOn>", "<acknowledges stream=\"HQ_catalog\" sequence=\"31\"",
                "<senderClock>2026-03-02T09:00:00.25+01:00</senderClock>");
    }

    @Test
    void aWrittenPackageIsValidAgainstTheSchemaShippedInTheJar() throws Exception {
        WrittenPackage p = write(everyEntity());

        byte[] content = Forge.entries(p.file()).get("package.xml");
        Exchanges.XML.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(content)));
    }

    @Test
    void theSchemaInDocsIsTheOneInTheJar() throws Exception {
        Path docs = Path.of("..", "docs", "sincro-package-1.xsd");
        try (var jar = PackageXml.class.getResourceAsStream(PackageXml.SCHEMA_RESOURCE)) {
            assertThat(Files.readString(docs)).isEqualTo(new String(jar.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void aPackageIsAZipOfTheDocumentAndItsSealThatStandardToolsCanCheck() throws Exception {
        WrittenPackage p = write(everyEntity());

        var entries = Forge.entries(p.file());
        assertThat(entries.keySet()).containsExactly("package.xml", "package.seal");
        assertThat(entries.get("package.seal")).isEqualTo(Forge.seal(entries.get("package.xml")).toBytes());
        assertThat(p.seal().size()).isEqualTo(entries.get("package.xml").length);
    }

    @Test
    void aPackageAppearsOnlyUnderItsFinalNameAndNeverReplacesAnother() throws Exception {
        WrittenPackage first = write(everyEntity());

        assertThat(first.file().getFileName().toString()).isEqualTo("HQ_to_A01_000000007.sincro");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(f -> f.getFileName().toString())).containsExactly("HQ_to_A01_000000007.sincro");
        }
        byte[] before = Files.readAllBytes(first.file());
        assertThatThrownBy(() -> write(everyEntity()))
                .hasMessageContaining("HQ_to_A01_000000007.sincro")
                .hasMessageContaining("never reused");
        assertThat(Files.readAllBytes(first.file())).isEqualTo(before);
    }

    @Test
    void textThatXmlCannotCarryIsRefusedWhenWritingWithTheRowNamed() {
        Collected rows = new Collected();
        rows.customer(new Customer("C1", "Bell\u0007 & Co", null, null, null, null, null, "A01", null,
                Origin.HEAD_OFFICE, Sample.T0));

        assertThatThrownBy(() -> write(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer C1")
                .hasMessageContaining("U+0007")
                .hasMessageContaining("correct it");
    }

    @Test
    void rowsOutOfSectionOrderAreABuilderBug() {
        Collected rows = new Collected();
        rows.customer(Rows.customer("C1").build());
        rows.product(Rows.product("P1"));

        assertThatThrownBy(() -> write(rows))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("products come before customers");
    }
}
