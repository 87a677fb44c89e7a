package io.sincro.format.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.ZipFile;

import javax.xml.transform.stream.StreamSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.format.Acknowledgement;
import io.sincro.format.Entity;
import io.sincro.format.EntityCount;
import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageStream;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.rows.Customer;
import io.sincro.format.rows.Deletion;
import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.rows.Origin;
import io.sincro.format.rows.PriceList;
import io.sincro.format.rows.Product;
import io.sincro.format.rows.StockLevel;
import io.sincro.format.testing.Collected;
import io.sincro.format.testing.Forge;
import io.sincro.format.testing.Samples;

class PackageRoundTripTest {

    @TempDir
    Path dir;

    private final PackageFiles files = Samples.files();

    /** Every kind of row and deletion, with the awkward values real data holds. */
    private static Collected everyEntity() {
        Collected rows = new Collected();
        rows.priceList(new PriceList("L1", "Listino \"base\" & <sconti>"));
        rows.product(new Product("P1", "Vite M8 × 40 — zincata", "PZ", new BigDecimal("22.00"), true));
        rows.product(new Product("P2", "Ritirato", "KG", new BigDecimal("4.00"), false));
        rows.deletion(new Deletion(Entity.PRICE_LIST_ROWS, "L1", "P9", Samples.T0, "HQ"));
        rows.priceListRow(Samples.price("L1", "P1", "12.3456"));
        rows.deletion(new Deletion(Entity.STOCK, "P9", null, Samples.T0, "HQ"));
        rows.stockLevel(new StockLevel("P1", new BigDecimal("1500.250")));
        rows.deletion(new Deletion(Entity.CUSTOMERS, "C9", null, Samples.T0, "HQ"));
        rows.customer(new Customer("A01-00001", "Bar \"Sport\" & Co.", "IT01234567890", "Via Roma 1\nScala B\r\nInt. 3",
                "Forlì", "bar@example.com", "+39 0543 123\t456", "A01", "L1", Origin.AGENT,
                Instant.parse("2026-03-02T08:15:30.123456Z")));
        rows.customer(new Customer("C2", "Only a name", null, null, null, null, null, "A01", null,
                Origin.HEAD_OFFICE, Samples.T0));
        rows.deletion(new Deletion(Entity.SPECIAL_PRICES, "C2", "P2", Instant.parse("2026-03-02T07:00:00.5Z"), "A01"));
        rows.specialPrice(Samples.specialPrice("A01-00001", "P1", "9.9000", Instant.parse("2026-03-02T08:00:00.000000001Z"), "A01"));
        rows.order(Samples.order("A01", 42, "A01-00001", OrderStatus.SUBMITTED, "P1", "P2"));
        rows.orderStatus(new OrderStatusUpdate(new OrderNumber("A01", 41), OrderStatus.REJECTED, "out of stock\nuntil May",
                null, Instant.parse("2026-03-02T07:30:00.25Z"), "HQ"));
        rows.orderStatus(new OrderStatusUpdate(new OrderNumber("A01", 40), OrderStatus.SHIPPED, null,
                LocalDate.of(2026, 12, 24), Samples.T0, "HQ"));
        return rows;
    }

    private WrittenPackage write(Collected rows) throws Exception {
        return files.write(dir, Samples.header(PackageStream.toAgent("A01"), 7), rows::replay);
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
        PackageHeader sent = new PackageHeader(1, PackageStream.fromAgent("A01"), 12, PackageKind.DELTA, 9,
                Instant.parse("2026-03-02T08:00:00Z"), java.time.OffsetDateTime.parse("2026-03-02T09:00:00.25+01:00"),
                List.of(new Acknowledgement(PackageStream.toAgent("A01"), 5), new Acknowledgement(PackageStream.catalog(), 31)),
                List.of());
        Collected rows = new Collected();
        rows.customer(Samples.agentCustomer("A01-00001", "A01"));
        rows.specialPrice(Samples.specialPrice("A01-00001", "P1", "1.00", Samples.T0, "A01"));
        rows.specialPrice(Samples.specialPrice("A01-00001", "P2", "2.00", Samples.T0, "A01"));

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
        Samples.XML.schema().newValidator().validate(new StreamSource(new ByteArrayInputStream(content)));
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
    void theZipsEntriesAreDatedWhenThePackageWasWrittenInUtcWithNoExtraFieldsWhateverTheTimeZone() throws Exception {
        TimeZone zone = TimeZone.getDefault();
        WrittenPackage p;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            p = write(everyEntity());
        } finally {
            TimeZone.setDefault(zone);
        }

        try (ZipFile zip = new ZipFile(p.file().toFile())) {
            assertThat(Collections.list(zip.entries())).hasSize(2).allSatisfy(entry -> {
                assertThat(entry.getTimeLocal()).isEqualTo(LocalDateTime.ofInstant(Samples.T0, ZoneOffset.UTC));
                assertThat(entry.getExtra()).as("extra field of %s", entry.getName()).isNull();
            });
        }
    }

    @Test
    void aPackageWrittenByAClockBefore1980HasTheSameBytesInEveryTimeZone() throws Exception {
        Instant reset = Instant.parse("1970-01-01T00:05:00Z");
        PackageHeader header = new PackageHeader(PackageHeader.FORMAT_VERSION, PackageStream.toAgent("A01"), 7,
                PackageKind.FULL, 0, reset, OffsetDateTime.parse("1970-01-01T01:05:00+01:00"), List.of(), List.of());
        Collected rows = everyEntity();
        TimeZone zone = TimeZone.getDefault();
        byte[] inRome;
        byte[] inLosAngeles;
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("Europe/Rome"));
            inRome = Files.readAllBytes(files.write(Files.createDirectories(dir.resolve("rome")), header, rows::replay).file());
            TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
            inLosAngeles = Files.readAllBytes(files.write(Files.createDirectories(dir.resolve("la")), header, rows::replay)
                    .file());
        } finally {
            TimeZone.setDefault(zone);
        }

        assertThat(inLosAngeles).isEqualTo(inRome);
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
                Origin.HEAD_OFFICE, Samples.T0));

        assertThatThrownBy(() -> write(rows))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer C1")
                .hasMessageContaining("U+0007")
                .hasMessageContaining("correct it");
    }

    @Test
    void rowsOutOfSectionOrderAreABuilderBug() {
        Collected rows = new Collected();
        rows.customer(Samples.customer("C1"));
        rows.product(Samples.product("P1"));

        assertThatThrownBy(() -> write(rows))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("products come before customers");
    }
}
