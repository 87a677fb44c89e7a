package io.sincro.format.file;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageStream;
import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.testing.Collected;
import io.sincro.format.testing.Forge;
import io.sincro.format.testing.Samples;

/**
 * Version 2 added an order status's expected delivery, change time and author, version 3 the sender's
 * epoch; versions 1 and 2 still read.
 */
class FormatVersionsTest {

    @TempDir
    Path dir;

    private final PackageFiles files = Samples.files();

    @Test
    void aPackageIsWrittenInVersion3WithTheWholeOrderStatus() throws Exception {
        Collected rows = new Collected();
        rows.orderStatus(new OrderStatusUpdate(new OrderNumber("A01", 1), OrderStatus.SHIPPED, "two boxes",
                LocalDate.of(2026, 12, 24), Instant.parse("2026-03-04T15:00:00Z"), "HQ"));

        WrittenPackage p = files.write(dir, Samples.header(PackageStream.toAgent("A01"), 1), rows::replay);

        assertThat(Forge.content(p.file())).contains("<sincroPackage formatVersion=\"3\">",
                "<orderStatus series=\"A01\" number=\"1\" status=\"SHIPPED\" expectedDelivery=\"2026-12-24\""
                        + " changedAt=\"2026-03-04T15:00:00Z\" changedBy=\"HQ\"><reason>two boxes</reason></orderStatus>");
        assertThat(files.verify(p.file()).header().formatVersion()).isEqualTo(PackageHeader.FORMAT_VERSION).isEqualTo(3);
    }

    @Test
    void theSendersEpochTravelsLastInTheHeader() throws Exception {
        PackageHeader header = Samples.header(PackageStream.toAgent("A01"), 4).withEpoch("3f9a0c7d51e2b4609f3c0a7d51e2b460");

        WrittenPackage p = files.write(dir, header, rows -> rows.priceList(Samples.priceList("BASE")));

        assertThat(Forge.content(p.file())).containsPattern(
                "</count>\\s*<epoch>3f9a0c7d51e2b4609f3c0a7d51e2b460</epoch>\\s*</header>");
        assertThat(files.verify(p.file()).header().senderEpoch()).contains("3f9a0c7d51e2b4609f3c0a7d51e2b460");
    }

    @Test
    void aVersion2PackageReadsWithoutAnEpoch() {
        Path file = Forge.sealed(dir, "HQ_to_A01_000000003.sincro", Forge.document("HQ_to_A01", "HQ", "A01", 3, "", "")
                .replace("formatVersion=\"1\"", "formatVersion=\"2\""));

        PackageHeader header = files.verify(file).header();

        assertThat(header.formatVersion()).isEqualTo(2);
        assertThat(header.senderEpoch()).isEmpty();
    }

    @Test
    void aVersion1PackageWithoutTheNewAttributesStillReads() {
        Path file = Forge.sealed(dir, "HQ_to_A01_000000003.sincro", Forge.document("HQ_to_A01", "HQ", "A01", 3,
                "<count entity=\"orderStatuses\" rows=\"2\" deletions=\"0\"/>", """
                <orderStatuses>
                <orderStatus series="A01" number="41" status="REJECTED"><reason>fido superato</reason></orderStatus>
                <orderStatus series="A01" number="42" status="SHIPPED"/>
                </orderStatuses>"""));
        assertThat(Forge.content(file)).contains("formatVersion=\"1\"");

        Collected read = new Collected();
        PackageHeader header = files.read(files.verify(file), h -> read);

        assertThat(header.formatVersion()).isEqualTo(1);
        assertThat(read.rows()).containsExactly(
                new OrderStatusUpdate(new OrderNumber("A01", 41), OrderStatus.REJECTED, "fido superato"),
                new OrderStatusUpdate(new OrderNumber("A01", 42), OrderStatus.SHIPPED, null, null, null, null));
    }
}
