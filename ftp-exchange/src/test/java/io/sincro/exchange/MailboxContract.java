package io.sincro.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What every mailbox promises, run against each implementation: the folder mailbox, and the FTP
 * mailbox on an embedded Apache FtpServer in plain FTP, explicit FTPS and implicit FTPS.
 *
 * <p>The mailbox's storage is a local folder in every case (the embedded server serves one), so
 * the tests can put files there behind the mailbox's back and look at what it left.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class MailboxContract {

    protected static final PackageNames NAMES = PackageNames.endingWith(".sincro");
    protected static final Folder OUTBOX = Folder.fromAgent("A01");

    /** A fresh local folder for each test (made by hand: with one instance per class, @TempDir would be shared). */
    protected Path local;

    private Mailbox mailbox;

    /** The folder the mailbox stores into (the FTP server's root, or the mailbox folder). */
    protected abstract Path storage();

    /** A new mailbox on {@link #storage()}. */
    protected abstract Mailbox newMailbox();

    @BeforeEach
    void emptyStorage() throws IOException {
        local = Files.createTempDirectory("sincro-local");
        deleteContents(storage());
        Files.createDirectories(storage().resolve("SincroAg/A01"));
        Files.createDirectories(storage().resolve("SincroSede/A01"));
        mailbox = newMailbox();
    }

    @AfterEach
    void closeMailbox() throws IOException {
        mailbox.close();
        deleteContents(local);
        Files.delete(local);
    }

    @Test
    void aPackageGoesUpIsListedComesDownAndIsDeleted() throws IOException {
        Path sent = write("sent.sincro", "order A01-000001".getBytes(StandardCharsets.UTF_8));

        mailbox.upload(sent, OUTBOX, "A01-000001.sincro");
        assertThat(mailbox.list(OUTBOX)).containsExactly("A01-000001.sincro");
        assertThat(mailbox.size(OUTBOX, "A01-000001.sincro")).hasValue(16);

        Path received = local.resolve("received.sincro");
        mailbox.download(OUTBOX, "A01-000001.sincro", received);
        assertThat(received).hasSameBinaryContentAs(sent);

        mailbox.delete(OUTBOX, "A01-000001.sincro");
        assertThat(mailbox.list(OUTBOX)).isEmpty();
        assertThat(mailbox.exists(OUTBOX, "A01-000001.sincro")).isFalse();
    }

    @Test
    void binaryContentWithCarriageReturnsLineFeedsAndNonAsciiBytesSurvivesExactly() throws IOException {
        byte[] content = binaryContent();
        Path sent = write("binary.sincro", content);

        mailbox.upload(sent, OUTBOX, "A01-000002.sincro");
        Path received = local.resolve("back.sincro");
        mailbox.download(OUTBOX, "A01-000002.sincro", received);

        assertThat(Files.readAllBytes(received)).isEqualTo(content);
        assertThat(Files.readAllBytes(storage().resolve("SincroAg/A01/A01-000002.sincro"))).isEqualTo(content);
    }

    @Test
    void readersSeeOnlyFinishedPackages() throws IOException {
        Path folder = storage().resolve("SincroAg/A01");
        Files.writeString(folder.resolve("A01-000003.sincro"), "finished");
        Files.writeString(folder.resolve("A01-000004.sincro" + PackageNames.TEMPORARY_MARK + "0a1b2c"), "half");
        Files.writeString(folder.resolve("notes.txt"), "foreign");
        Files.writeString(folder.resolve("-option.sincro"), "unsafe name");
        Files.createDirectories(folder.resolve("folder.sincro"));

        assertThat(mailbox.list(OUTBOX)).containsExactly("A01-000003.sincro");
    }

    @Test
    void unfinishedUploadsAreListedApartAndCanBeDeleted() throws IOException {
        Path folder = storage().resolve("SincroAg/A01");
        String unfinished = "A01-000004.sincro" + PackageNames.TEMPORARY_MARK + "0a1b2c";
        Files.writeString(folder.resolve("A01-000003.sincro"), "finished");
        Files.writeString(folder.resolve(unfinished), "half");
        Files.writeString(folder.resolve("notes.txt"), "foreign");

        assertThat(mailbox.temporaryUploads(OUTBOX)).containsExactly(unfinished);
        mailbox.delete(OUTBOX, unfinished);
        assertThat(filesIn(folder)).containsExactly("A01-000003.sincro", "notes.txt");
    }

    @Test
    void anUploadNeverOverwritesAnExistingPackage() throws IOException {
        Path folder = storage().resolve("SincroAg/A01");
        Files.writeString(folder.resolve("A01-000005.sincro"), "the original");
        Path other = write("other.sincro", "another package with the same name".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> mailbox.upload(other, OUTBOX, "A01-000005.sincro"))
                .isInstanceOfSatisfying(PackageAlreadyExistsException.class,
                        // the size it found there, so that the caller need not ask the server again
                        e -> assertThat(e.size()).hasValue("the original".length()))
                .hasMessageContaining("A01-000005.sincro already exists in SincroAg/A01")
                .hasMessageContaining("not overwritten");
        assertThat(folder.resolve("A01-000005.sincro")).hasContent("the original");
        assertThat(filesIn(folder)).containsExactly("A01-000005.sincro");
    }

    @Test
    void aFinishedUploadLeavesNoTemporaryFileBehind() throws IOException {
        mailbox.upload(write("p.sincro", new byte[] {1, 2, 3}), OUTBOX, "A01-000006.sincro");

        assertThat(filesIn(storage().resolve("SincroAg/A01"))).containsExactly("A01-000006.sincro");
    }

    @Test
    void aDownloadReplacesAnEarlierLocalCopyAndLeavesNoTemporaryFile() throws IOException {
        Files.writeString(storage().resolve("SincroSede/A01/HQ-000001.sincro"), "fresh copy");
        Path target = write("HQ-000001.sincro", "stale".getBytes(StandardCharsets.UTF_8));

        mailbox.download(Folder.toAgent("A01"), "HQ-000001.sincro", target);

        assertThat(target).hasContent("fresh copy");
        assertThat(filesIn(local)).containsExactly("HQ-000001.sincro");
        assertThat(storage().resolve("SincroSede/A01/HQ-000001.sincro")).exists();
    }

    @Test
    void aDownloadTellsTheSizeItChecksTheCopyAgainstBeforeTheCopyStarts() throws IOException {
        Files.writeString(storage().resolve("SincroSede/A01/HQ-000002.sincro"), "twelve bytes");
        Path target = local.resolve("HQ-000002.sincro");
        List<Long> told = new ArrayList<>();

        mailbox.download(Folder.toAgent("A01"), "HQ-000002.sincro", target, size -> {
            told.add(size);
            assertThat(local).as("the local folder when the size is told").isEmptyDirectory();
        });

        assertThat(told).containsExactly(12L);
        assertThat(target).hasContent("twelve bytes");
    }

    @Test
    void downloadingAMissingPackageTellsNoSize() {
        List<Long> told = new ArrayList<>();

        assertThatThrownBy(() -> mailbox.download(OUTBOX, "A01-000099.sincro", local.resolve("x.sincro"), told::add))
                .isInstanceOf(PackageNotFoundException.class);
        assertThat(told).isEmpty();
    }

    @Test
    void downloadingAMissingPackageSaysItIsNotThere() {
        assertThatThrownBy(() -> mailbox.download(OUTBOX, "A01-000099.sincro", local.resolve("x.sincro")))
                .isInstanceOf(PackageNotFoundException.class)
                .hasMessageContaining("A01-000099.sincro is not in SincroAg/A01");
        assertThat(local.resolve("x.sincro")).doesNotExist();
    }

    @Test
    void deletingAPackageThatIsAlreadyGoneIsNotAnError() {
        mailbox.delete(OUTBOX, "A01-000098.sincro");

        assertThat(mailbox.list(OUTBOX)).isEmpty();
    }

    @Test
    void aMissingFolderIsReportedWithWhatToDo() {
        assertThatThrownBy(() -> mailbox.list(Folder.fromAgent("Z99")))
                .isInstanceOf(FolderMissingException.class)
                .hasMessageContaining("SincroAg/Z99")
                .hasMessageContaining("sincro check-connection --create");
        assertThat(mailbox.folderExists(Folder.fromAgent("Z99"))).isFalse();
    }

    @Test
    void creatingAnAgentsFoldersCanBeRepeated() {
        Folder inbox = Folder.toAgent("A02");

        mailbox.createFolder(inbox);
        mailbox.createFolder(inbox);

        assertThat(mailbox.folderExists(inbox)).isTrue();
        assertThat(storage().resolve("SincroSede/A02")).isDirectory();
        assertThat(mailbox.list(inbox)).isEmpty();
    }

    @Test
    void namesWithSpacesWork() throws IOException {
        Path sent = write("spaced.sincro", "x y z".getBytes(StandardCharsets.UTF_8));

        mailbox.upload(sent, OUTBOX, "A01 000007 copy.sincro");
        assertThat(mailbox.list(OUTBOX)).containsExactly("A01 000007 copy.sincro");
        mailbox.download(OUTBOX, "A01 000007 copy.sincro", local.resolve("back"));
        mailbox.delete(OUTBOX, "A01 000007 copy.sincro");

        assertThat(local.resolve("back")).hasContent("x y z");
        assertThat(mailbox.list(OUTBOX)).isEmpty();
    }

    @Test
    void sizesAreExactAndAbsentFilesHaveNone() throws IOException {
        Files.write(storage().resolve("SincroAg/A01/A01-000008.sincro"), new byte[12345]);

        assertThat(mailbox.size(OUTBOX, "A01-000008.sincro")).isEqualTo(OptionalLong.of(12345));
        assertThat(mailbox.size(OUTBOX, "A01-000009.sincro")).isEmpty();
    }

    @Test
    void aFileSaysWhenItWasWrittenByTheServersClockAndAnAbsentOneSaysNothing() throws IOException {
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        mailbox.upload(write("p", new byte[] {1}), OUTBOX, "A01-000010.sincro");
        Instant after = Instant.now().plusSeconds(1);

        // the test's servers run on this computer, so their clock is this one's (to the second, as MDTM says it)
        assertThat(mailbox.modifiedAt(OUTBOX, "A01-000010.sincro")).hasValueSatisfying(at ->
                assertThat(at).isBetween(before, after));
        assertThat(mailbox.modifiedAt(OUTBOX, "A01-000011.sincro")).isEmpty();
    }

    @Test
    void uploadsRefuseNamesThatAreTemporaryOrLeadOutsideTheFolder() throws IOException {
        Path sent = write("p", new byte[] {1});

        for (String bad : List.of("../A01-1.sincro", "sub/A01-1.sincro", "A01-1.sincro.part-0a1b2c", "", "a\nb.sincro")) {
            assertThatThrownBy(() -> mailbox.upload(sent, OUTBOX, bad)).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(filesIn(storage().resolve("SincroAg"))).isEmpty();
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(local.resolve(name), content);
    }

    /** Every byte value, every kind of line end, UTF-8 text, and enough of it to need many buffers. */
    protected static byte[] binaryContent() {
        byte[] text = "perché\r\ncittà\n€\rend\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] random = new byte[300_000];
        new Random(42).nextBytes(random);
        byte[] all = new byte[256 + text.length + random.length];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        System.arraycopy(text, 0, all, 256, text.length);
        System.arraycopy(random, 0, all, 256 + text.length, random.length);
        return all;
    }

    /** The plain files directly in a folder, sorted. */
    protected static List<String> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isRegularFile).map(path -> path.getFileName().toString()).sorted().toList();
        }
    }

    protected static void deleteContents(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            Files.createDirectories(folder);
            return;
        }
        try (Stream<Path> tree = Files.walk(folder)) {
            for (Path path : tree.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                if (!path.equals(folder)) {
                    Files.delete(path);
                }
            }
        }
    }
}
