package io.sincro.format.envelope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.file.PackageFiles;
import io.sincro.format.file.WrittenPackage;
import io.sincro.format.seal.Sealing;
import io.sincro.format.testing.Collected;
import io.sincro.format.testing.Samples;

/** The envelope: an agent's streams encrypted under its key in segments, the catalog signed. */
class EnvelopeTest {

    private static final SigningKey HEAD_OFFICE = SigningKey.generate(1);
    private static final StreamKey A01 = StreamKey.generate("A01", 1);
    private static final StreamKey A02 = StreamKey.generate("A02", 1);
    private static final Keyring AT_HEAD_OFFICE = Keyring.of(HEAD_OFFICE, List.of(A01, A02));
    private static final Keyring AT_A01 = Keyring.of(HEAD_OFFICE.publicOnly(), List.of(A01));

    @TempDir
    Path dir;

    @Test
    void anAgentsPackageTravelsEncryptedAndOnlyItsKeyOpensIt() throws IOException {
        WrittenPackage written = write(AT_HEAD_OFFICE, PackageStream.toAgent("A01"), 2000);

        Collected rows = new Collected();
        files(AT_A01).read(files(AT_A01).verify(written.file()), h -> rows);

        assertThat(rows.rows()).hasSize(2000);
        assertThat(entries(written.file())).containsExactly("package.envelope", "package.xml.gcm", "package.seal");
        assertThat(new String(Files.readAllBytes(written.file()), StandardCharsets.ISO_8859_1)).doesNotContain("C00001");
        Keyring a02 = Keyring.of(HEAD_OFFICE.publicOnly(), List.of(A02));
        assertThatThrownBy(() -> files(a02).verify(written.file())).satisfies(forged("holds no key of agent A01"));
    }

    @Test
    void aChangedByteAnywhereInTheEncryptedContentIsRefusedAsForged() throws IOException {
        WrittenPackage written = write(AT_HEAD_OFFICE, PackageStream.toAgent("A01"), 2000);
        byte[] content = entry(written.file(), "package.xml.gcm");
        content[content.length / 2] ^= 1;

        Path changed = rezip(written, content, null);

        assertThatThrownBy(() -> files(AT_A01).verify(changed)).satisfies(forged("does not authenticate"));
    }

    @Test
    void aPackageCutAtASegmentsEndIsRefusedAsForged() throws IOException {
        WrittenPackage written = write(AT_HEAD_OFFICE, PackageStream.toAgent("A01"), 60000);
        byte[] content = entry(written.file(), "package.xml.gcm");
        int segment = Envelope.DEFAULT_SEGMENT_BYTES + 16;
        assertThat(content.length).isGreaterThan(segment);

        Path cut = rezip(written, java.util.Arrays.copyOf(content, segment), null);

        assertThatThrownBy(() -> files(AT_A01).verify(cut)).satisfies(forged("segment 0"));
    }

    @Test
    void aChangedSealOnAnEncryptedPackageIsRefusedAsForgedNotAsDamaged() throws IOException {
        WrittenPackage written = write(AT_HEAD_OFFICE, PackageStream.toAgent("A01"), 10);
        String seal = new String(entry(written.file(), "package.seal"), StandardCharsets.US_ASCII);

        Path changed = rezip(written, Map.of("package.seal", seal.replaceFirst("size=\\d+", "size=1")
                .getBytes(StandardCharsets.US_ASCII)));

        assertThatThrownBy(() -> files(AT_A01).verify(changed)).satisfies(forged("changed by someone without its key"));
    }

    @Test
    void aCatalogWhoseContentChangedUnderItsSignedSealIsRefusedAsForged() throws IOException {
        WrittenPackage signed = write(AT_HEAD_OFFICE, PackageStream.catalog(), 10);
        WrittenPackage other = write(AT_HEAD_OFFICE, PackageStream.catalog(), 11);

        Path changed = rezip(signed, Map.of("package.xml", entry(other.file(), "package.xml")));

        assertThatThrownBy(() -> files(AT_A01).verify(changed)).satisfies(forged("changed by someone without its key"));
    }

    @Test
    void anEnvelopeSayingAnotherKindIsRefusedAsForged() throws IOException {
        WrittenPackage written = write(AT_HEAD_OFFICE, PackageStream.toAgent("A01"), 10);
        String envelope = new String(entry(written.file(), "package.envelope"), StandardCharsets.US_ASCII);

        Path changed = rezip(written, null, envelope.replace("kind=FULL", "kind=DELTA").replace("basedOn=0", "basedOn=1"));

        assertThatThrownBy(() -> files(AT_A01).verify(changed)).satisfies(forged("does not authenticate"));
    }

    @Test
    void anEnvelopeWrittenAnyOtherWayOrNamingNoKeyIsRefusedWithoutRepeatingItsBytes() throws IOException {
        WrittenPackage written = write(AT_HEAD_OFFICE, PackageStream.toAgent("A01"), 10);
        String envelope = new String(entry(written.file(), "package.envelope"), StandardCharsets.US_ASCII);

        Path respelled = rezip(written, null, envelope.replaceFirst("basedOn=(\\d+)", "basedOn=+$1"));
        Path badKey = rezip(written, null, envelope.replace("key=A01.1", "key=A01.1\u001b[2J"));
        Path badKind = rezip(written, null, envelope.replace("kind=FULL", "kind=\u001b[31mEVIL"));

        assertThatThrownBy(() -> files(AT_A01).verify(respelled)).hasMessageContaining("not written the one way");
        assertThatThrownBy(() -> files(AT_A01).verify(badKey)).hasMessageContaining("is not a stream key's name")
                .message().doesNotContain("\u001b");
        assertThatThrownBy(() -> files(AT_A01).verify(badKind)).hasMessageContaining("not one this build writes")
                .message().doesNotContain("\u001b").doesNotContain("No enum constant");
    }

    @Test
    void aPackageInClearIsRefusedAsForgedByAStationWithKeys() {
        WrittenPackage plain = write(Keyring.none(), PackageStream.toAgent("A01"), 10);

        assertThatThrownBy(() -> files(AT_A01).verify(plain.file())).satisfies(forged("arrived in clear"));
    }

    @Test
    void theCatalogIsSignedAndOneSignedByAnotherKeyIsRefused() {
        WrittenPackage signed = write(AT_HEAD_OFFICE, PackageStream.catalog(), 10);
        WrittenPackage impostor = write(Keyring.of(SigningKey.generate(1), List.of()), PackageStream.catalog(), 10);
        WrittenPackage unsigned = write(Keyring.none(), PackageStream.catalog(), 10);

        assertThat(files(AT_A01).verify(signed.file()).seal().signature()).hasSize(128);
        assertThatThrownBy(() -> files(AT_A01).verify(impostor.file())).satisfies(forged("does not verify"));
        assertThatThrownBy(() -> files(AT_A01).verify(unsigned.file())).satisfies(forged("is not signed"));
    }

    @Test
    void aReplacedKeyIsNamedInTheRefusal() {
        WrittenPackage old = write(AT_HEAD_OFFICE, PackageStream.fromAgent("A01"), 10);
        Keyring rekeyed = AT_HEAD_OFFICE.with(StreamKey.generate("A01", 2));

        assertThatThrownBy(() -> files(rekeyed).verify(old.file())).satisfies(forged("A01.1, which agent A01's key A01.2"
                + " replaced"));
    }

    @Test
    void keyFilesAreReadableByTheirOwnerOnlyAndAnExposedOneIsReportedWithItsChmod() throws IOException {
        KeyFiles files = new KeyFiles(dir.resolve("keys"));
        files.headOffice();
        StreamKey key = files.newStreamKey("A01");
        Path keyFile = dir.resolve("keys/agents/A01.key");

        assertThat(Files.getPosixFilePermissions(keyFile)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(dir.resolve("keys/head-office.key")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(files.load().streamKey("A01").orElseThrow().secret().getEncoded()).isEqualTo(key.secret().getEncoded());
        assertThat(Files.readString(keyFile)).doesNotContain("PRIVATE");
        assertThat(files.secretFiles()).containsExactly(dir.resolve("keys/agents/A01.key"), dir.resolve("keys/head-office.key"));
    }

    private WrittenPackage write(Keyring keys, PackageStream stream, int rows) {
        try {
            Path folder = Files.createTempDirectory(dir, "out");
            return files(keys).write(folder, Samples.header(stream, 2), out -> {
                if (stream.direction() == PackageStream.Direction.CATALOG) {
                    for (int i = 0; i < rows; i++) {
                        out.priceListRow(Samples.price("BASE", "P" + i, "1.00"));
                    }
                } else {
                    for (int i = 0; i < rows; i++) {
                        out.specialPrice(Samples.specialPrice("C00001", "P" + i, "1.00", Samples.T0, "HQ"));
                    }
                }
            });
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static PackageFiles files(Keyring keys) {
        return new PackageFiles(Samples.XML, Sealing.sha256(), keys, ReadLimits.standard());
    }

    private static java.util.function.Consumer<Throwable> forged(String text) {
        return e -> {
            assertThat(e).isInstanceOf(PackageRefusedException.class).hasMessageContaining(text);
            assertThat(((PackageRefusedException) e).reason()).isEqualTo(Reason.FORGED);
        };
    }

    private static List<String> entries(Path file) throws IOException {
        List<String> names = new java.util.ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private static byte[] entry(Path file, String name) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(name)) {
                    return zip.readAllBytes();
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** The package again with its encrypted content or its envelope replaced, under the same name. */
    private Path rezip(WrittenPackage p, byte[] content, String envelope) throws IOException {
        Map<String, byte[]> replaced = new HashMap<>();
        if (content != null) {
            replaced.put("package.xml.gcm", content);
        }
        if (envelope != null) {
            replaced.put("package.envelope", envelope.getBytes(StandardCharsets.US_ASCII));
        }
        return rezip(p, replaced);
    }

    /** The package again with the entries {@code replaced} names replaced, under the same name. */
    private Path rezip(WrittenPackage p, Map<String, byte[]> replaced) throws IOException {
        Path folder = Files.createTempDirectory(dir, "changed");
        Path target = folder.resolve(p.name().fileName());
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target));
             ZipInputStream in = new ZipInputStream(Files.newInputStream(p.file()))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                byte[] bytes = replaced.getOrDefault(e.getName(), in.readAllBytes());
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        }
        return target;
    }
}
