package io.sincro.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.sincro.bench.company.CompanySize;
import io.sincro.bench.measure.StepResult;
import io.sincro.bench.report.Target;
import io.sincro.bench.sync.PublishBaseline;

/**
 * The benchmark's targets, judged on the figures of one run. A target whose figures were not measured
 * (the step was not asked for, or failed) says so; it is never counted as met.
 */
final class Targets {

    static final double FIRST_SYNC_LIMIT = 1.25;
    static final double DELTA_BYTES_LIMIT = 0.05;
    static final double DELTA_TIME_LIMIT = 0.10;
    static final double PUBLISH_OVERHEAD_LIMIT = 1.10;
    static final long HEAP_LIMIT = 256L << 20;

    private final Map<String, StepResult> steps;
    private final Optional<PublishBaseline.Bytes> baseline;
    private final CompanySize size;
    private final long maxHeap;

    /**
     * @param steps    the results by step id
     * @param baseline the first publish's least upload, when it was measured
     * @param maxHeap  the JVM's heap limit
     */
    Targets(Map<String, StepResult> steps, Optional<PublishBaseline.Bytes> baseline, CompanySize size, long maxHeap) {
        this.steps = steps;
        this.baseline = baseline;
        this.size = size;
        this.maxHeap = maxHeap;
    }

    List<Target> judge() {
        List<Target> targets = new ArrayList<>();
        targets.add(firstSyncAgainstReference());
        targets.add(deltaBytes());
        targets.add(deltaTime());
        targets.add(publishOnce());
        targets.add(heap());
        return targets;
    }

    private Target firstSyncAgainstReference() {
        String id = "first-sync-vs-reference";
        String rule = "first sync <= 1.25 x Derby bulk import";
        Optional<String> missing = missing("first-sync", "reference");
        if (missing.isPresent()) {
            return Target.notMeasured(id, "first-sync", rule, FIRST_SYNC_LIMIT, missing.get());
        }
        StepResult sync = steps.get("first-sync");
        StepResult reference = steps.get("reference");
        double ratio = (double) sync.medianNanos() / reference.medianNanos();
        return Target.judged(id, "first-sync", rule, ratio, FIRST_SYNC_LIMIT, String.format(Locale.ROOT,
                "ratio %.2f (first sync %.3f s, reference %.3f s)", ratio, sync.medianSeconds(), reference.medianSeconds()));
    }

    /** Bytes through the mailbox for the agent's sync, both ways: what its connection carries. */
    private Target deltaBytes() {
        String id = "delta-bytes";
        String rule = "delta sync bytes <= 5% of first sync's";
        Optional<String> missing = missing("delta-sync", "first-sync");
        if (missing.isPresent()) {
            return Target.notMeasured(id, "delta-sync", rule, DELTA_BYTES_LIMIT, missing.get());
        }
        long delta = transferred(steps.get("delta-sync"));
        long full = transferred(steps.get("first-sync"));
        if (full == 0) {
            return Target.notMeasured(id, "delta-sync", rule, DELTA_BYTES_LIMIT, "the first sync moved no bytes");
        }
        double ratio = (double) delta / full;
        return Target.judged(id, "delta-sync", rule, ratio, DELTA_BYTES_LIMIT, String.format(Locale.ROOT,
                "%.2f%% (%,d of %,d bytes)", 100 * ratio, delta, full));
    }

    private Target deltaTime() {
        String id = "delta-time";
        String rule = "delta sync time <= 10% of first sync's";
        Optional<String> missing = missing("delta-sync", "first-sync");
        if (missing.isPresent()) {
            return Target.notMeasured(id, "delta-sync", rule, DELTA_TIME_LIMIT, missing.get());
        }
        StepResult delta = steps.get("delta-sync");
        StepResult full = steps.get("first-sync");
        double ratio = (double) delta.medianNanos() / full.medianNanos();
        return Target.judged(id, "delta-sync", rule, ratio, DELTA_TIME_LIMIT, String.format(Locale.ROOT,
                "%.2f%% (%.3f s of %.3f s)", 100 * ratio, delta.medianSeconds(), full.medianSeconds()));
    }

    private Target publishOnce() {
        String id = "publish-catalog-once";
        String rule = "first publish uploads <= catalog + agents' data + 10%";
        Optional<String> missing = missing("first-publish");
        if (missing.isPresent()) {
            return Target.notMeasured(id, "first-publish", rule, PUBLISH_OVERHEAD_LIMIT, missing.get());
        }
        if (baseline.isEmpty()) {
            return Target.notMeasured(id, "first-publish", rule, PUBLISH_OVERHEAD_LIMIT,
                    "the baseline (catalog and agents' data as packages) was not measured");
        }
        PublishBaseline.Bytes least = baseline.get();
        long uploaded = steps.get("first-publish").bytesUploaded();
        double ratio = (double) uploaded / least.total();
        return Target.judged(id, "first-publish", rule, ratio, PUBLISH_OVERHEAD_LIMIT, String.format(Locale.ROOT,
                "%.3f x (uploaded %,d bytes; catalog %,d + %d agents' data %,d = %,d)", ratio, uploaded, least.catalog(),
                least.agents(), least.agentsData(), least.total()));
    }

    /**
     * The heap limit is the JVM's own (-Xmx), and a step that ran out of memory fails: so the target
     * is met when the limit was 256 MB or less and nothing failed. The figures are for reading.
     */
    private Target heap() {
        String id = "heap-256m";
        String rule = "runs in -Xmx256m (the target for size large)";
        List<StepResult> measured = steps.values().stream().filter(s -> !s.trials().isEmpty()).toList();
        if (measured.isEmpty()) {
            return Target.notMeasured(id, "", rule, HEAP_LIMIT, "no step ran");
        }
        StepResult highest = measured.stream().max((a, b) -> Long.compare(a.peakHeapBytes(), b.peakHeapBytes())).get();
        List<String> failed = steps.values().stream().filter(s -> s.status() == StepResult.Status.FAILED)
                .map(StepResult::id).toList();
        String detail = String.format(Locale.ROOT, "heap limit %,d MiB; highest peak %,d MiB (%s)%s%s", maxHeap >> 20,
                highest.peakHeapBytes() >> 20, highest.id(), failed.isEmpty() ? "" : "; failed: " + String.join(", ", failed),
                size == CompanySize.LARGE ? "" : "; size " + size.label() + ", for information");
        boolean met = maxHeap <= HEAP_LIMIT && failed.isEmpty();
        return new Target(id, "", rule, met ? Target.Verdict.MET : Target.Verdict.NOT_MET, (double) maxHeap, HEAP_LIMIT,
                detail);
    }

    private static long transferred(StepResult step) {
        return step.bytesUploaded() + step.bytesDownloaded();
    }

    /** Which of the steps has no figures, and why; empty when all were measured. */
    private Optional<String> missing(String... ids) {
        return StepResult.whyNotMeasured(steps, ids);
    }
}
