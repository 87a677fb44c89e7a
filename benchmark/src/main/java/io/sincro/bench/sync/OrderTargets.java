package io.sincro.bench.sync;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.sincro.bench.measure.StepResult;
import io.sincro.bench.report.Target;

/**
 * The targets of one agent's many orders on their way: sent (the agent's sync) and received (the
 * head office's) at {@value #LINES_PER_SECOND} order lines a second or more each way. The steps'
 * rows are the lines they carried, so the figure is their rows per second.
 */
public final class OrderTargets {

    static final double LINES_PER_SECOND = 20_000;

    private final Map<String, StepResult> steps;

    /** @param steps the results by step id */
    public OrderTargets(Map<String, StepResult> steps) {
        this.steps = steps;
    }

    public List<Target> judge() {
        return List.of(rate("orders-sent-rate", SyncStep.Kind.MANY_ORDERS_SEND.id(), "orders sent"),
                rate("orders-received-rate", SyncStep.Kind.MANY_ORDERS_RECEIVE.id(), "orders received"));
    }

    private Target rate(String id, String step, String what) {
        String rule = what + " >= 20,000 lines/s";
        Optional<String> missing = StepResult.whyNotMeasured(steps, step);
        if (missing.isPresent()) {
            return Target.notMeasured(id, step, rule, LINES_PER_SECOND, missing.get());
        }
        StepResult result = steps.get(step);
        double rate = result.rowsPerSecond();
        // a floor, not a ceiling: judged here rather than by Target.judged's "at most"
        return new Target(id, step, rule, rate >= LINES_PER_SECOND ? Target.Verdict.MET : Target.Verdict.NOT_MET, rate,
                LINES_PER_SECOND, String.format(Locale.ROOT, "%,.0f lines/s (%,d lines in %.3f s)", rate, result.rows(),
                        result.medianSeconds()));
    }
}
