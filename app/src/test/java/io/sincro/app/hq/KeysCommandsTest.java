package io.sincro.app.hq;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.LoopbackStations;
import io.sincro.app.SampleHeadOffice;
import io.sincro.db.testing.TestClock;

/** The keys on the command line: prepare-agent hands them over, rekey-agent replaces one, package open reads with them. */
class KeysCommandsTest {

    private static final String OWNER_ONLY = "rw-------";

    @TempDir
    Path dir;

    private final TestClock clock = TestClock.at("2026-03-02T08:00:00Z");
    private CliRun sincro;

    @BeforeEach
    void setUp() {
        sincro = new CliRun(dir, clock);
    }

    @Test
    void prepareAgentHandsTheStationItsKeysReadableByItsOwnerOnly() throws IOException {
        SampleHeadOffice.copyTo(dir);
        ok(sincro, "hq", "prepare-agent", "A01", "--out", "a01", "--with-password");

        assertThat(permissions(dir.resolve("keys/head-office.key"))).isEqualTo(OWNER_ONLY);
        assertThat(permissions(dir.resolve("keys/agents/A01.key"))).isEqualTo(OWNER_ONLY);
        assertThat(permissions(dir.resolve("a01/keys/agents/A01.key"))).isEqualTo(OWNER_ONLY);
        assertThat(permissions(dir.resolve("a01/sincro.properties"))).isEqualTo(OWNER_ONLY);
        assertThat(dir.resolve("a01/keys/head-office.pub")).exists();
        assertThat(dir.resolve("a01/keys/head-office.key")).doesNotExist();
        assertThat(Files.readString(dir.resolve("a01/keys/agents/A01.key")))
                .isEqualTo(Files.readString(dir.resolve("keys/agents/A01.key")));
    }

    @Test
    void aKeyFileOthersCanReadIsWarnedAboutWithTheChmodToRun() throws IOException {
        SampleHeadOffice.copyTo(dir);
        ok(sincro, "hq", "prepare-agent", "A01", "--out", "a01");
        Path key = dir.resolve("a01/keys/agents/A01.key");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));

        Result status = ok(sincro, "status", "--config", "a01");

        assertThat(status.err()).contains("sincro: warning: " + key + " holds a password or key and other users of this"
                + " computer may read it; make it readable by its owner only: chmod 600 " + key);
    }

    @Test
    void rekeyAgentNamesTheNewKeyAndWhatToDoNext() {
        SampleHeadOffice.copyTo(dir);
        ok(sincro, "hq", "prepare-agent", "A01", "--out", "a01");

        Result rekeyed = ok(sincro, "hq", "rekey-agent", "A01");

        assertThat(rekeyed.out()).contains("Agent A01's key is now A01.2; packages under A01.1 are refused from now on.",
                "prepare its station again (sincro hq prepare-agent A01 --out DIR)");
        Result unknown = sincro.run("hq", "rekey-agent", "A09");
        assertThat(unknown.exitCode()).as(unknown.toString()).isEqualTo(1);
        assertThat(unknown.err()).contains("agent A09 is not in the company database; nothing was changed");
    }

    @Test
    void packageOpenReadsAnEncryptedPackageWithTheStationsKeysAndAnotherAgentCannot() throws IOException {
        SampleHeadOffice.withLoopbackMailbox(dir);
        ok(sincro, "hq", "prepare-agent", "A01", "--out", "a01");
        ok(sincro, "hq", "prepare-agent", "A02", "--out", "a02");
        Path published;
        try (LoopbackStations mailbox = LoopbackStations.serve(dir.resolve("mailbox"), clock, dir)) {
            mailbox.sync(dir);
            published = dir.resolve("mailbox/SincroSede/A01/HQ_to_A01_000000001.sincro");
        }

        Result opened = ok(sincro, "package", "open", published.toString(), "--xml", "document.xml");
        Result atA02 = sincro.run("package", "open", published.toString(), "--config", "a02");

        assertThat(opened.out()).contains("HQ_to_A01_000000001.sincro: full, from HQ to A01",
                "Encrypted under key A01.1 (AES-256-GCM), authentic.");
        assertThat(dir.resolve("document.xml")).content().startsWith("<?xml").contains("<sincroPackage");
        assertThat(atA02.exitCode()).as(atA02.toString()).isEqualTo(1);
        assertThat(atA02.err()).contains("this station holds no key of agent A01");
    }

    private static String permissions(Path file) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    private static Result ok(CliRun run, String... args) {
        Result result = run.run(args);
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return result;
    }
}
