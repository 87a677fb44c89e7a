package io.sincro.format.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.VerifiedPackage;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.testing.Collected;
import io.sincro.format.testing.Forge;
import io.sincro.format.testing.Samples;

/**
 * Every kind of bad package file is refused by the first pass, before anything is imported, each
 * with its own message (RELIABILITY.md properties 2, 11, 13 and 14; the database side of property
 * 11 is in {@code PackageImporterTest}).
 */
class RefusedPackagesTest {

    private static final String NAME = "HQ_catalog_000000001.sincro";

    @TempDir
    Path dir;

    private PackageFiles files = Samples.files();

    private WrittenPackage aGoodPackage() throws Exception {
        Collected rows = new Collected();
        rows.priceList(Samples.priceList("L1"));
        for (int i = 0; i < 50; i++) {
            rows.product(Samples.product("P" + i));
        }
        rows.priceListRow(Samples.price("L1", "P1", "12.3456"));
        return files.write(dir, Samples.header(PackageStream.catalog(), 1), rows::replay);
    }

    private AbstractThrowableAssert<?, ?> refusing(Path file, Reason reason) {
        return assertThatThrownBy(() -> files.verify(file))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(reason));
    }

    // --- property 2: size and SHA-256 are checked before any import ---

    @Test
    void aPackageWhoseContentWasChangedIsRefusedByItsSha256() throws Exception {
        Path file = aGoodPackage().file();
        Map<String, byte[]> entries = Forge.entries(file);
        String tampered = new String(entries.get("package.xml"), StandardCharsets.UTF_8).replace("12.3456", "02.3456");
        entries.put("package.xml", tampered.getBytes(StandardCharsets.UTF_8));
        Files.delete(file);
        Forge.zip(dir, NAME, entries);

        refusing(file, Reason.SEAL_MISMATCH)
                .hasMessageContaining("does not match its SHA-256 seal")
                .hasMessageContaining("tampered");
    }

    @Test
    void aPackageWhoseContentIsLongerThanItsSealSaysIsRefusedByItsSize() throws Exception {
        Path file = aGoodPackage().file();
        Map<String, byte[]> entries = Forge.entries(file);
        String longer = new String(entries.get("package.xml"), StandardCharsets.UTF_8) + "\n\n";
        entries.put("package.xml", longer.getBytes(StandardCharsets.UTF_8));
        Files.delete(file);
        Forge.zip(dir, NAME, entries);

        refusing(file, Reason.SEAL_MISMATCH)
                .hasMessageMatching(".*holds \\d+ bytes of content but its seal says \\d+.*");
    }

    @Test
    void aSealThatCannotBeReadIsRefused() throws Exception {
        Path file = aGoodPackage().file();
        Map<String, byte[]> entries = Forge.entries(file);
        entries.put("package.seal", "algorithm=SHA-256\nsize=many\n".getBytes(StandardCharsets.US_ASCII));
        Files.delete(file);
        Forge.zip(dir, NAME, entries);

        refusing(file, Reason.SEAL_MISMATCH).hasMessageContaining("seal cannot be read");
    }

    @Test
    void aPackageSealedWithAnotherAlgorithmIsRefusedNamingBoth() throws Exception {
        Path file = aGoodPackage().file();
        Map<String, byte[]> entries = Forge.entries(file);
        String seal = new String(entries.get("package.seal"), StandardCharsets.US_ASCII).replace("SHA-256", "MD5");
        entries.put("package.seal", seal.getBytes(StandardCharsets.US_ASCII));
        Files.delete(file);
        Forge.zip(dir, NAME, entries);

        refusing(file, Reason.SEAL_MISMATCH).hasMessageContaining("sealed with MD5, and this station checks SHA-256");
    }

    // --- property 11: malformed, truncated, tampered or foreign packages are refused ---

    @Test
    void aTruncatedPackageIsRefusedAsCutInTransfer() throws Exception {
        Path file = aGoodPackage().file();
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length / 2));

        refusing(file, Reason.TRUNCATED).hasMessageContaining("ends early").hasMessageContaining("ask for it again");
    }

    @Test
    void aPackageCutAfterItsContentHasNoSealAndIsRefusedAsTruncated() throws Exception {
        Path file = aGoodPackage().file();
        Map<String, byte[]> entries = Forge.entries(file);
        entries.remove("package.seal");
        Files.delete(file);
        Forge.zip(dir, NAME, entries);

        refusing(file, Reason.TRUNCATED).hasMessageContaining("ends before its seal");
    }

    @Test
    void aForeignFileUnderAPackageNameIsRefused() throws Exception {
        Path file = dir.resolve(NAME);
        Files.writeString(file, "order;customer;qty\n1;C1;3\n");

        refusing(file, Reason.NOT_A_PACKAGE).hasMessageContaining("not a zip archive");
    }

    @Test
    void aFileWhoseNameIsNotAPackageNameIsNotOpened() throws Exception {
        Path file = dir.resolve("HQ_catalog_000000001.sincro.part");
        Files.write(file, Files.readAllBytes(aGoodPackage().file()));

        refusing(file, Reason.NOT_A_PACKAGE).hasMessageContaining("is not a package name");
    }

    @Test
    void aPackageRenamedToAnotherSequenceIsRefusedAsForeign() throws Exception {
        Path file = aGoodPackage().file();
        Path renamed = Files.move(file, dir.resolve("HQ_catalog_000000002.sincro"));

        refusing(renamed, Reason.NOT_FOR_THIS_STATION).hasMessageContaining("says it is HQ_catalog_000000001.sincro inside");
    }

    @Test
    void aDocumentThatIsNotWellFormedIsRefusedWithItsPlace() {
        Path file = Forge.sealed(dir, NAME, Forge.document("HQ_catalog", "HQ", "*", 1, "", "<products></productz>"));

        refusing(file, Reason.MALFORMED).hasMessageContaining("is not well-formed XML at line");
    }

    @Test
    void aDocumentOutsideTheSchemaIsRefusedWithItsPlace() {
        Path file = Forge.sealed(dir, NAME, Forge.document("HQ_catalog", "HQ", "*", 1, "",
                "<products><product code=\"P1\" unit=\"PZ\" vatRate=\"22\" active=\"maybe\"><description>x</description></product></products>"));

        refusing(file, Reason.MALFORMED).hasMessageContaining("does not follow the package schema at line");
    }

    @Test
    void aSchemaBreachIsRefusedNamingTheLineItIsOn() {
        String document = Forge.document("HQ_catalog", "HQ", "*", 1, "", "<products>\n"
                + "<product code=\"P1\" unit=\"PZ\" vatRate=\"22\" active=\"true\"><description>x</description></product>\n"
                + "<product code=\"P2\" unit=\"PZ\" vatRate=\"22\" active=\"maybe\"><description>y</description></product>\n"
                + "</products>");
        long line = document.substring(0, document.indexOf("maybe")).lines().count();
        Path file = Forge.sealed(dir, NAME, document);

        refusing(file, Reason.MALFORMED).hasMessageContaining("does not follow the package schema at line " + line + ",")
                .hasMessageContaining("'maybe'");
    }

    @Test
    void aHeaderThatMiscountsItsRowsIsRefusedWhenRead() throws Exception {
        Path file = Forge.sealed(dir, NAME, Forge.document("HQ_catalog", "HQ", "*", 1,
                "<count entity=\"priceLists\" rows=\"2\" deletions=\"0\"/>",
                "<priceLists><priceList code=\"L1\"><description>x</description></priceList></priceLists>"));
        VerifiedPackage verified = files.verify(file);

        assertThatThrownBy(() -> files.read(verified, h -> new Collected()))
                .isInstanceOfSatisfying(PackageRefusedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED))
                .hasMessageContaining("header counts 2 rows and 0 deletions of priceLists but the section holds 1");
    }

    @Test
    void anUnknownFormatVersionIsRefusedNamingTheVersionsThisBuildReads() {
        Path file = Forge.sealed(dir, NAME, Forge.document("HQ_catalog", "HQ", "*", 1, "", "")
                .replace("formatVersion=\"1\"", "formatVersion=\"7\""));

        refusing(file, Reason.UNSUPPORTED_VERSION)
                .hasMessageContaining("format version 7")
                .hasMessageContaining("reads format version(s) 1, 2, 3;");
    }

    // --- property 13: a DOCTYPE or external entity is refused, with no file or network access ---

    @Test
    void anExternalFileEntityIsRefusedUnreadAndItsFileNeverAppears() throws Exception {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "TOP-SECRET-42");
        String xxe = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE sincroPackage [<!ENTITY xxe SYSTEM "%s">]>
                <sincroPackage formatVersion="1"><header><stream>&xxe;</stream></header></sincroPackage>
                """.formatted(secret.toUri());
        Path file = Forge.sealed(dir, NAME, xxe);

        refusing(file, Reason.UNSAFE_XML)
                .hasMessageContaining("declares a DOCTYPE")
                .hasMessageContaining("refused unread")
                .satisfies(e -> assertThat(e.toString()).doesNotContain("TOP-SECRET"));
    }

    @Test
    void anExternalDtdOrEntityOnTheNetworkIsRefusedWithoutConnecting() throws Exception {
        try (ServerSocket trap = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String url = "http://127.0.0.1:" + trap.getLocalPort() + "/evil";
            String xxe = """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <!DOCTYPE sincroPackage SYSTEM "%s.dtd" [<!ENTITY remote SYSTEM "%s.xml">]>
                    <sincroPackage formatVersion="1"><header><stream>&remote;</stream></header></sincroPackage>
                    """.formatted(url, url);
            Path file = Forge.sealed(dir, NAME, xxe);

            refusing(file, Reason.UNSAFE_XML).hasMessageContaining("declares a DOCTYPE");

            trap.setSoTimeout(300);
            assertThatThrownBy(trap::accept).as("nobody connected to the trap").isInstanceOf(SocketTimeoutException.class);
        }
    }

    @Test
    void aBillionLaughsPayloadIsRefusedAtOnce() {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            dtd.append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
        }
        String bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE sincroPackage [" + dtd + "]>\n"
                + "<sincroPackage formatVersion=\"1\"><header><stream>&lol9;</stream></header></sincroPackage>";
        Path file = Forge.sealed(dir, NAME, bomb);

        long start = System.nanoTime();
        refusing(file, Reason.UNSAFE_XML).hasMessageContaining("declares a DOCTYPE");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    // --- property 14: caps on decompressed size and counts; names never lead outside ---

    @Test
    void aPackageThatDecompressesBeyondTheCapIsRefusedBeforeReadingFurther() throws Exception {
        // a zip bomb: 32 MB of spaces squeeze into a few dozen kilobytes, 32 times the cap below
        byte[] bomb = new byte[32 << 20];
        java.util.Arrays.fill(bomb, (byte) ' ');
        Path file = Forge.sealed(dir, NAME, bomb);
        files = new PackageFiles(Samples.XML, io.sincro.format.seal.Sealing.sha256(),
                new ReadLimits(1 << 30, 1 << 20, 1000));

        refusing(file, Reason.TOO_LARGE).hasMessageContaining("decompresses to more than 1048576 bytes");
    }

    @Test
    void aPackageFileLargerThanTheCapIsRefusedUnopened() throws Exception {
        Path file = aGoodPackage().file();
        files = new PackageFiles(Samples.XML, io.sincro.format.seal.Sealing.sha256(), new ReadLimits(100, 1 << 20, 1000));

        refusing(file, Reason.TOO_LARGE).hasMessageMatching(".*is \\d+ bytes, more than the cap of 100.*");
    }

    @Test
    void aPackageWithMoreElementsThanTheCapIsRefused() throws Exception {
        Path file = aGoodPackage().file();
        files = new PackageFiles(Samples.XML, io.sincro.format.seal.Sealing.sha256(), new ReadLimits(1 << 20, 1 << 20, 20));

        refusing(file, Reason.TOO_LARGE).hasMessageContaining("more than 20 XML elements");
    }

    @Test
    void anEntryNamedOutsideTheFolderIsRefusedAndNothingIsUnpacked() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../outside.txt", "pwned".getBytes(StandardCharsets.UTF_8));
        Path inner = Files.createDirectories(dir.resolve("a/b"));
        Path file = Forge.zip(inner, NAME, entries);

        refusing(file, Reason.NOT_A_PACKAGE).hasMessageContaining("'../../outside.txt'").hasMessageContaining("nothing of it was unpacked");
        assertThat(dir.resolve("outside.txt")).doesNotExist();
        try (var all = Files.walk(dir)) {
            assertThat(all.filter(Files::isRegularFile)).containsExactly(file);
        }
    }

    @Test
    void anExtraEntryBeyondTheDocumentAndTheSealIsRefused() throws Exception {
        Path file = aGoodPackage().file();
        Map<String, byte[]> entries = Forge.entries(file);
        entries.put("/etc/cron.d/evil", "* * * * * root true".getBytes(StandardCharsets.UTF_8));
        Files.delete(file);
        Forge.zip(dir, NAME, entries);

        refusing(file, Reason.NOT_A_PACKAGE).hasMessageContaining("holds a third entry, '/etc/cron.d/evil'");
    }

    @Test
    void controlCharactersInAnEntryNameArePrintedHarmlessly() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package\u001b[2J.xml", new byte[] {1});
        Path file = Forge.zip(dir, NAME, entries);

        refusing(file, Reason.NOT_A_PACKAGE).hasMessageContaining("package\\u001B[2J.xml");
    }
}
