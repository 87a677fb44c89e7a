package io.sincro.bench.report;

import java.util.Locale;
import java.util.Objects;

/**
 * One of the benchmark's targets, judged on this run's figures.
 *
 * @param id      a short name for the JSON: {@code first-sync-vs-reference}
 * @param step    the step whose figure it judges, where the table prints the verdict
 * @param rule    the target in words
 * @param value   the figure compared with {@code limit} (a ratio), or null when not measured
 * @param limit   the most the figure may be
 * @param detail  the figures behind the verdict, or why there are none
 */
public record Target(String id, String step, String rule, Verdict verdict, Double value, double limit, String detail) {

    public enum Verdict {
        MET, NOT_MET, NOT_MEASURED;

        /** As printed: met, not met, not measured. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    public Target {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(verdict, "verdict");
    }

    /** Judges {@code value} against {@code limit}: met when it is not above it. */
    public static Target judged(String id, String step, String rule, double value, double limit, String detail) {
        return new Target(id, step, rule, value <= limit ? Verdict.MET : Verdict.NOT_MET, value, limit, detail);
    }

    public static Target notMeasured(String id, String step, String rule, double limit, String why) {
        return new Target(id, step, rule, Verdict.NOT_MEASURED, null, limit, why);
    }
}
