package io.sincro.app.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.app.CliRun;
import io.sincro.app.CliRun.Result;
import io.sincro.app.ExchangedStations;
import io.sincro.app.LoopbackStations;

/**
 * {@code sincro doctor} on the sample head office and agent A01 after their first exchange,
 * through a real embedded FTP server; the clock is this computer's, as the server's is.
 */
class DoctorCommandTest {

    @TempDir
    Path dir;
    private Path hq;
    private Path a01;
    private LoopbackStations mailbox;

    @BeforeEach
    void stations() {
        ExchangedStations.copyTo(dir);
        hq = dir.resolve(ExchangedStations.HEAD_OFFICE);
        a01 = dir.resolve(ExchangedStations.AGENT);
        mailbox = LoopbackStations.serve(dir.resolve(ExchangedStations.MAILBOX), Clock.systemUTC(), hq, a01);
    }

    @AfterEach
    void stop() {
        mailbox.close();
    }

    @Test
    void aHealthyStationGetsOnlyOkLinesAndExitsZero() {
        for (Path station : new Path[] {hq, a01}) {
            Result doctor = mailbox.at(station).run("doctor");

            assertThat(doctor.exitCode()).as(doctor.toString()).isZero();
            assertThat(doctor.out().lines()).as(doctor.toString()).isNotEmpty().allMatch(line -> line.startsWith("ok "));
            assertThat(doctor.out()).contains("java", "settings", "database", "Derby's consistency check passed",
                    "mailbox", "clock", "outbound queue", "set aside");
            assertThat(doctor.err()).as(doctor.toString()).isEmpty();
        }
    }

    @Test
    void aPasswordInASettingsFileOthersMayReadIsAWarningWithTheCommandThatFixesIt() throws IOException {
        Path settings = a01.resolve("sincro.properties");
        Files.writeString(settings, "ftp.password=" + LoopbackStations.PASSWORD + "\n", StandardOpenOption.APPEND);
        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-r--r--"));

        Result open = new CliRun(a01, Clock.systemUTC()).run("doctor");

        assertThat(open.exitCode()).as(open.toString()).isZero();
        assertThat(open.out()).as(open.toString()).containsPattern("(?m)^warning +secrets +" + settings
                + " holds a password or key and other users of this computer may read it; make it readable by its"
                + " owner only: chmod 600 " + settings + "$");

        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-------"));
        Result closed = new CliRun(a01, Clock.systemUTC()).run("doctor");

        assertThat(closed.out().lines()).as(closed.toString()).allMatch(line -> line.startsWith("ok "));
        assertThat(closed.out()).contains(settings + " is readable by its owner only");
    }

    @Test
    void theBundleHoldsTheChecksTheStatusTheLogAndTheSettingsWithoutAnySecret() throws IOException {
        Path settings = a01.resolve("sincro.properties");
        Path passwordFile = a01.resolve("ftp-password");
        String keyMaterial = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW";
        Path key = a01.resolve("id_ed25519");
        Files.writeString(key, "-----BEGIN OPENSSH PRIVATE KEY-----\n" + keyMaterial + "\n-----END OPENSSH PRIVATE KEY-----\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(passwordFile, LoopbackStations.PASSWORD + "\n");
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Files.setPosixFilePermissions(settings, PosixFilePermissions.fromString("rw-------"));
        Files.writeString(settings, "ftp.password=" + LoopbackStations.PASSWORD + "\nftp.passwordFile=ftp-password\n"
                + "ftp.privateKey=id_ed25519\n", StandardOpenOption.APPEND);
        Path zip = dir.resolve("for-the-head-office.zip");

        Result doctor = new CliRun(a01, Clock.systemUTC()).run("doctor", "--bundle", zip.toString());

        Map<String, String> entries = unzip(zip);
        assertThat(entries.keySet()).containsExactly("doctor.txt", "status.txt", "sincro.log", "sincro.properties");
        assertThat(String.join("\n", entries.values())).doesNotContain(LoopbackStations.PASSWORD, keyMaterial);
        assertThat(entries.get("sincro.properties")).contains("agent.code=A01\n", "ftp.password=(removed)\n",
                "ftp.passwordFile=(removed)\n", "ftp.privateKey=(removed)\n", "ftp.host=127.0.0.1\n");
        assertThat(entries.get("doctor.txt")).contains("settings", "database", "mailbox");
        assertThat(entries.get("status.txt")).contains("$ sincro status\n", "Station:   agent A01");
        assertThat(entries.get("sincro.log")).contains("sincro");
        assertThat(doctor.out()).as(doctor.toString()).contains("Wrote " + zip + ": send it to the head office");
    }

    @Test
    void aDamagedDatabaseIsAProblemThatSaysSoAndWhatToDo() throws IOException {
        // a real fault: bits flipped in every page of the biggest table's file, as a failing disk leaves them
        Path biggest;
        try (var files = Files.list(a01.resolve("database/seg0"))) {
            biggest = files.max((x, y) -> Long.compare(x.toFile().length(), y.toFile().length())).orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(biggest);
        for (int page = 1; page < bytes.length / 4096; page++) {
            for (int i = page * 4096 + 2000; i < page * 4096 + 2004; i++) {
                bytes[i] ^= 0x5a;
            }
        }
        Files.write(biggest, bytes);

        Result doctor = mailbox.at(a01).run("doctor");

        assertThat(doctor.exitCode()).as(doctor.toString()).isEqualTo(1);
        assertThat(doctor.out()).as(doctor.toString())
                .containsPattern("(?m)^problem +database +the database in " + a01.resolve("database") + " is damaged")
                .contains("Invalid checksum", "[SQLState XSDG2]", "restore it from a backup",
                        "1 problem: do what the problem lines say")
                .doesNotContain("Hex dump");
    }

    private static Map<String, String> unzip(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(zip); ZipInputStream entriesIn = new ZipInputStream(in)) {
            for (ZipEntry entry = entriesIn.getNextEntry(); entry != null; entry = entriesIn.getNextEntry()) {
                entries.put(entry.getName(), new String(entriesIn.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
