package io.sincro.bench.report;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.sincro.bench.company.CompanySize;
import io.sincro.bench.measure.StepResult;

/**
 * One benchmark run: what was measured, on what, and the targets' verdicts.
 *
 * @param runs    runs per step, each measured
 * @param warmUps runs per step before those, not measured (see Harness)
 * @param maxHeap the JVM's heap limit (-Xmx) in bytes
 * @param figures sizes that are not a step's (the reference's CSV files, the publish baseline's
 *                packages), by name, in bytes
 */
public record Report(CompanySize size, long seed, int runs, int warmUps, long maxHeap, String java, Instant startedAt,
        Instant finishedAt, List<StepResult> steps, Map<String, Long> figures, List<Target> targets) {

    public Report {
        steps = List.copyOf(steps);
        // in the order given, which is the order the JSON and the table show them
        figures = Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        targets = List.copyOf(targets);
    }

    public boolean anyFailed() {
        return steps.stream().anyMatch(s -> s.status() == StepResult.Status.FAILED);
    }
}
