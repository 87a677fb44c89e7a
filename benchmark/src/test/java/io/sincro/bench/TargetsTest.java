package io.sincro.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.sincro.bench.company.CompanySize;
import io.sincro.bench.measure.StepResult;
import io.sincro.bench.measure.TrialFigures;
import io.sincro.bench.report.Target;
import io.sincro.bench.report.Target.Verdict;
import io.sincro.bench.sync.PublishBaseline;

class TargetsTest {

    private static final long MIB = 1L << 20;
    private final Map<String, StepResult> steps = new LinkedHashMap<>();

    @Test
    void everyTargetIsJudgedOnItsFigures() {
        measured("reference", 1_000, 0, 0);
        measured("first-sync", 1_200, 0, 1_000_000);
        measured("delta-sync", 150, 10_000, 30_000);
        measured("first-publish", 5_000, 1_000_000, 0);

        List<Target> targets = judge(Optional.of(new PublishBaseline.Bytes(800_000, 150_000, 3)), 256 * MIB);

        assertThat(verdict(targets, "first-sync-vs-reference")).isEqualTo(Verdict.MET);
        assertThat(target(targets, "first-sync-vs-reference").value()).isEqualTo(1.2);
        // 40,000 of 1,000,000 bytes, both ways
        assertThat(verdict(targets, "delta-bytes")).isEqualTo(Verdict.MET);
        assertThat(target(targets, "delta-bytes").detail()).isEqualTo("4.00% (40,000 of 1,000,000 bytes)");
        assertThat(verdict(targets, "delta-time")).isEqualTo(Verdict.NOT_MET);
        // 1,000,000 uploaded against 950,000 at least: 5% over, within 10%
        assertThat(verdict(targets, "publish-catalog-once")).isEqualTo(Verdict.MET);
        assertThat(verdict(targets, "heap-256m")).isEqualTo(Verdict.MET);
        assertThat(target(targets, "first-sync-vs-reference").step()).isEqualTo("first-sync");
    }

    @Test
    void aTargetWithoutItsFiguresIsNotMeasuredAndSaysWhy() {
        measured("reference", 1_000, 0, 0);
        steps.put("first-sync", new StepResult("first-sync", "t", StepResult.Status.FAILED,
                "run 1 failed: the mailbox cannot be reached", List.of()));

        List<Target> targets = judge(Optional.empty(), 256 * MIB);

        assertThat(verdict(targets, "first-sync-vs-reference")).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(target(targets, "first-sync-vs-reference").detail())
                .isEqualTo("first-sync failed: run 1 failed: the mailbox cannot be reached");
        assertThat(target(targets, "delta-bytes").detail()).isEqualTo("delta-sync was not run; first-sync failed: run 1"
                + " failed: the mailbox cannot be reached");
        assertThat(verdict(targets, "publish-catalog-once")).isEqualTo(Verdict.NOT_MEASURED);
        assertThat(target(targets, "first-sync-vs-reference").value()).isNull();
    }

    @Test
    void theHeapTargetNeedsTheLimitAndNoFailure() {
        measured("reference", 1_000, 0, 0);
        assertThat(verdict(judge(Optional.empty(), 1024 * MIB), "heap-256m")).isEqualTo(Verdict.NOT_MET);

        steps.put("first-sync", new StepResult("first-sync", "t", StepResult.Status.FAILED,
                "run 1 failed: Java heap space (out of memory)", List.of()));
        Target heap = target(judge(Optional.empty(), 256 * MIB), "heap-256m");
        assertThat(heap.verdict()).isEqualTo(Verdict.NOT_MET);
        assertThat(heap.detail()).contains("failed: first-sync");
    }

    private List<Target> judge(Optional<PublishBaseline.Bytes> baseline, long maxHeap) {
        return new Targets(steps, baseline, CompanySize.LARGE, maxHeap).judge();
    }

    private void measured(String id, long nanos, long up, long down) {
        steps.put(id, new StepResult(id, id, StepResult.Status.MEASURED, "",
                List.of(new TrialFigures(nanos, 10, up, down, 100 * MIB, 10 * MIB))));
    }

    private static Target target(List<Target> targets, String id) {
        return targets.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static Verdict verdict(List<Target> targets, String id) {
        return target(targets, id).verdict();
    }
}
