package io.sincro.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.exchange.Folder;
import io.sincro.exchange.PackageNames;
import io.sincro.exchange.ftp.FtpMailbox;

class HarnessTest {

    @TempDir
    Path dir;

    private final List<String> progress = new ArrayList<>();

    @Test
    void countsTheBytesStoredOnAndRetrievedFromTheMailbox() {
        Step transfer = step("transfer", space -> () -> {
            Path local = space.folder().resolve("A01_to_HQ_000000001.sincro");
            Files.write(local, new byte[10_000]);
            try (FtpMailbox mailbox = new FtpMailbox(space.mailbox(), PackageNames.endingWith(".sincro"),
                    Clock.systemUTC())) {
                mailbox.createFolder(Folder.fromAgent("A01"));
                mailbox.upload(local, Folder.fromAgent("A01"), local.getFileName().toString());
                mailbox.download(Folder.fromAgent("A01"), local.getFileName().toString(), space.folder().resolve("back"));
                mailbox.download(Folder.fromAgent("A01"), local.getFileName().toString(), space.folder().resolve("again"));
            }
            return 1;
        });

        StepResult result = new Harness(3, dir, false, progress::add).measure(transfer);

        assertThat(result.status()).isEqualTo(StepResult.Status.MEASURED);
        assertThat(result.runs()).isEqualTo(3);
        assertThat(result.bytesUploaded()).isEqualTo(10_000);
        assertThat(result.bytesDownloaded()).isEqualTo(20_000);
        assertThat(result.peakHeapBytes()).isPositive();
        assertThat(progress).hasSize(3).first().asString().startsWith("transfer: run 1 of 3: ");
        assertThat(dir.resolve("transfer")).isEmptyDirectory();
    }

    @Test
    void preparingIsNotCountedAndEachRunGetsAFreshFolderAndMailbox() {
        AtomicInteger runs = new AtomicInteger();
        Step step = step("fresh", space -> {
            assertThat(space.folder()).isDirectory();
            assertThat(space.mailboxRoot().resolve("SincroAg")).isEmptyDirectory();
            // written straight to the server's disk while preparing: not traffic
            Files.write(space.mailboxRoot().resolve("SincroSede").resolve("left.sincro"), new byte[5_000]);
            Files.write(space.folder().resolve("mine"), new byte[] {1});
            return () -> {
                assertThat(space.run()).isEqualTo(runs.incrementAndGet());
                return 7;
            };
        });

        StepResult result = new Harness(2, dir, true, progress::add).measure(step);

        assertThat(result.status()).isEqualTo(StepResult.Status.MEASURED);
        assertThat(result.rows()).isEqualTo(7);
        assertThat(result.bytesUploaded()).isZero();
        assertThat(result.bytesDownloaded()).isZero();
        assertThat(dir.resolve("fresh").resolve("run-2").resolve("mine")).exists();
    }

    @Test
    void aFailingRunIsReportedWithTheRunsBeforeIt() {
        AtomicInteger runs = new AtomicInteger();
        Step failing = step("failing", space -> () -> {
            if (runs.incrementAndGet() == 2) {
                throw new IllegalStateException("the disk is full");
            }
            return 1;
        });

        StepResult result = new Harness(3, dir, false, progress::add).measure(failing);

        assertThat(result.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.reason()).isEqualTo("run 2 failed: the disk is full");
        assertThat(result.runs()).isEqualTo(1);
        assertThat(result.isMeasured()).isFalse();
    }

    @Test
    void warmUpRunsGoFirstAndAreNeitherMeasuredNorCounted() {
        List<Integer> seen = new ArrayList<>();
        Step step = step("warm", space -> () -> {
            seen.add(space.run());
            return space.run() <= 0 ? 1_000 : 7;
        });

        StepResult result = new Harness(2, 1, dir, false, progress::add).measure(step);

        assertThat(seen).containsExactly(0, 1, 2);
        assertThat(result.runs()).isEqualTo(2);
        assertThat(result.rows()).isEqualTo(7);
        assertThat(progress).hasSize(3).first().asString().startsWith("warm: warm-up run 1 of 1, not measured: ");
    }

    @Test
    void aFailingWarmUpRunFailsTheStepAndSaysSo() {
        Step failing = step("cold", space -> () -> {
            throw new IllegalStateException("the disk is full");
        });

        StepResult result = new Harness(3, 1, dir, false, progress::add).measure(failing);

        assertThat(result.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.reason()).isEqualTo("warm-up run 1 failed: the disk is full");
        assertThat(result.runs()).isZero();
    }

    @Test
    void stepsMeasuredTogetherRunRoundByRoundWarmUpsFirst() {
        List<String> seen = new ArrayList<>();
        Step ours = step("ours", space -> () -> {
            seen.add("ours " + space.run());
            return 1;
        });
        Step reference = step("reference", space -> () -> {
            seen.add("reference " + space.run());
            return 1;
        });

        List<StepResult> results = new Harness(2, 1, dir, false, progress::add).measure(List.of(ours, reference));

        assertThat(seen).containsExactly("ours 0", "reference 0", "ours 1", "reference 1", "ours 2", "reference 2");
        assertThat(results).extracting(StepResult::id).containsExactly("ours", "reference");
        assertThat(results).allSatisfy(r -> assertThat(r.runs()).isEqualTo(2));
    }

    @Test
    void aStepThatFailsAmongOthersStopsAloneAndTheOthersRunOn() {
        List<String> seen = new ArrayList<>();
        Step failing = step("failing", space -> () -> {
            seen.add("failing " + space.run());
            throw new IllegalStateException("the disk is full");
        });
        Step steady = step("steady", space -> () -> {
            seen.add("steady " + space.run());
            return 1;
        });

        List<StepResult> results = new Harness(3, dir, false, progress::add).measure(List.of(failing, steady));

        assertThat(seen).containsExactly("failing 1", "steady 1", "steady 2", "steady 3");
        assertThat(results.get(0).reason()).isEqualTo("run 1 failed: the disk is full");
        assertThat(results.get(1).status()).isEqualTo(StepResult.Status.MEASURED);
        assertThat(results.get(1).runs()).isEqualTo(3);
    }

    @Test
    void aRunWhoseCheckFailsFailsTheStep() {
        Step quick = step("quick", space -> new Trial() {
            @Override
            public long run() {
                return 1_000;
            }

            @Override
            public void verify() {
                throw new IllegalStateException("the station holds 0 products instead of 2,000");
            }
        });

        StepResult result = new Harness(3, dir, false, progress::add).measure(quick);

        assertThat(result.status()).isEqualTo(StepResult.Status.FAILED);
        assertThat(result.reason()).isEqualTo("run 1 failed: the station holds 0 products instead of 2,000");
        assertThat(result.isMeasured()).isFalse();
    }

    @Test
    void mediansOfOddAndEvenRunsAndTheHighestPeak() {
        StepResult odd = new StepResult("s", "t", StepResult.Status.MEASURED, "", List.of(
                new TrialFigures(30, 10, 5, 0, 100, -1), new TrialFigures(10, 10, 7, 0, 300, 50),
                new TrialFigures(20, 10, 6, 0, 200, -1)));
        StepResult even = new StepResult("s", "t", StepResult.Status.MEASURED, "", List.of(
                new TrialFigures(40, 10, 0, 0, 1, -1), new TrialFigures(10, 10, 0, 0, 1, -1)));

        assertThat(odd.medianNanos()).isEqualTo(20);
        assertThat(odd.bytesUploaded()).isEqualTo(6);
        assertThat(odd.peakHeapBytes()).isEqualTo(300);
        assertThat(odd.peakLiveBytes()).isEqualTo(50);
        assertThat(odd.rowsPerSecond()).isEqualTo(10 * 1e9 / 20);
        assertThat(even.medianNanos()).isEqualTo(25);
        assertThat(even.peakLiveBytes()).isEqualTo(-1);
    }

    @Test
    void aSnapshotCopiesAFolderTreeAndRemovesIt() throws Exception {
        Path source = Files.createDirectories(dir.resolve("source").resolve("database").resolve("seg0"));
        Files.writeString(source.resolve("c10.dat"), "rows");
        Snapshot snapshot = Snapshot.take(dir.resolve("source"), dir.resolve("kept"));

        Path copy = snapshot.copyTo(dir.resolve("copy"));

        assertThat(copy.resolve("database").resolve("seg0").resolve("c10.dat")).hasContent("rows");
        Snapshot.remove(copy);
        assertThat(copy).doesNotExist();
        Snapshot.remove(copy);
    }

    /** A step from a lambda: {@code prepare} returns the trial. */
    private static Step step(String id, Preparation preparation) {
        return new Step() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public String title() {
                return id;
            }

            @Override
            public Trial prepare(TrialSpace space) throws Exception {
                return preparation.prepare(space);
            }
        };
    }

    @FunctionalInterface
    private interface Preparation {
        Trial prepare(TrialSpace space) throws Exception;
    }
}
