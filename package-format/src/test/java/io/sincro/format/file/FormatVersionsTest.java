package io.sincro.format.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.StationNotes;
import io.sincro.format.StationNotes.ClockSeen;
import io.sincro.format.StationNotes.FullRequest;
import io.sincro.format.StationNotes.Problem;
import io.sincro.format.StationNotes.SyncHealth;
import io.sincro.format.StationNotes.Waiting;
import io.sincro.format.rows.OrderNumber;
import io.sincro.format.rows.OrderStatus;
import io.sincro.format.rows.OrderStatusUpdate;
import io.sincro.format.testing.Collected;
import io.sincro.format.testing.Forge;
import io.sincro.format.testing.Samples;

/**
 * Version 2 added an order status's expected delivery, change time and author, version 3 the sender's
 * epoch and the notes a station writes about itself in the header; versions 1 and 2 still read.
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
    void theSendersEpochTravelsAfterTheCounts() throws Exception {
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

    @Test
    void aVersion2PackageReadsWithoutNotes() {
        Path file = Forge.sealed(dir, "A01_to_HQ_000000003.sincro", Forge.document("A01_to_HQ", "A01", "HQ", 3, "", "")
                .replace("formatVersion=\"1\"", "formatVersion=\"2\"").replace("<kind>FULL</kind>",
                        "<kind>DELTA</kind><basedOn>2</basedOn>"));

        PackageHeader header = files.verify(file).header();

        assertThat(header.formatVersion()).isEqualTo(2);
        assertThat(header.notes()).isEqualTo(StationNotes.NONE);
    }

    @Test
    void anAgentsRequestAndHealthTravelInTheHeader() {
        StationNotes notes = new StationNotes(List.of(new FullRequest(PackageStream.catalog(), 7),
                new FullRequest(PackageStream.toAgent("A01"), 4)), Optional.of(new SyncHealth(
                Optional.of(new Problem(Instant.parse("2026-03-04T15:00:00Z"), "HQ_to_A01_000000005.sincro was refused"
                        + " (seal mismatch) & set aside <here>")),
                List.of(new Waiting(PackageStream.toAgent("A01"), "package 5 must be imported first")), 1)),
                Optional.empty());
        PackageHeader sent = Samples.header(PackageStream.fromAgent("A01"), 1).withNotes(notes);

        WrittenPackage p = files.write(dir, sent, rows -> { });

        assertThat(Forge.content(p.file())).contains("<asksFull stream=\"HQ_catalog\" after=\"7\"></asksFull>",
                "<health setAside=\"1\"><lastError at=\"2026-03-04T15:00:00Z\">HQ_to_A01_000000005.sincro was"
                        + " refused (seal mismatch) &amp; set aside &lt;here&gt;</lastError>");
        assertThat(files.verify(p.file()).header().notes()).isEqualTo(notes);
    }

    @Test
    void theHeadOfficeTellsAnAgentHowItsClockWasSeen() {
        StationNotes notes = new StationNotes(List.of(), Optional.empty(), Optional.of(
                new ClockSeen(-2400, new PackageName(PackageStream.fromAgent("A01"), 5))));

        WrittenPackage p = files.write(dir, Samples.header(PackageStream.toAgent("A01"), 1).withNotes(notes), rows -> { });

        assertThat(Forge.content(p.file())).contains(
                "<clockSeen aheadSeconds=\"-2400\" seenIn=\"A01_to_HQ_000000005.sincro\"></clockSeen>");
        assertThat(files.verify(p.file()).header().notes()).isEqualTo(notes);
    }

    @Test
    void aNoteHoldingAControlCharacterIsRefused() {
        Path file = Forge.sealed(dir, "A01_to_HQ_000000001.sincro", Forge.document("A01_to_HQ", "A01", "HQ", 1,
                "<health setAside=\"0\"><lastError at=\"2026-03-04T15:00:00Z\">all fine\u001b[2J</lastError></health>",
                "").replace("formatVersion=\"1\"", "formatVersion=\"3\"").replace("<kind>FULL</kind>",
                "<kind>DELTA</kind>"));

        assertThatThrownBy(() -> files.verify(file)).isInstanceOfSatisfying(PackageRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void aNoteLongerThanItsBoundIsRefused() {
        Path file = Forge.sealed(dir, "A01_to_HQ_000000001.sincro", Forge.document("A01_to_HQ", "A01", "HQ", 1,
                "<health setAside=\"0\"><waiting stream=\"HQ_catalog\">" + "x".repeat(501) + "</waiting></health>",
                "").replace("formatVersion=\"1\"", "formatVersion=\"3\"").replace("<kind>FULL</kind>",
                "<kind>DELTA</kind>"));

        assertThatThrownBy(() -> files.verify(file)).isInstanceOfSatisfying(PackageRefusedException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
    }

    @Test
    void anAgentAskingForAnotherAgentsStreamIsRefused() {
        Path file = Forge.sealed(dir, "A01_to_HQ_000000001.sincro", Forge.document("A01_to_HQ", "A01", "HQ", 1,
                "<asksFull stream=\"HQ_to_A02\" after=\"0\"/>", "")
                .replace("formatVersion=\"1\"", "formatVersion=\"3\"").replace("<kind>FULL</kind>", "<kind>DELTA</kind>"));

        assertThatThrownBy(() -> files.verify(file)).isInstanceOfSatisfying(PackageRefusedException.class,
                e -> assertThat(e).hasMessageContaining("A01 asks for stream HQ_to_A02 in full, which it does not read"));
    }

    @Test
    void aTextBecomesANoteWithoutControlsAndWithinItsBound() {
        assertThat(StationNotes.text("line one\r\n\tline\u202Etwo\u0007")).isEqualTo("line one line two");
        assertThat(StationNotes.text("y".repeat(600))).hasSize(StationNotes.MAX_TEXT).endsWith("…");
    }
}
