package io.sincro.bench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.ToLongFunction;

/**
 * What the harness found for one step: its runs' figures, or why it failed. Time and bytes
 * are medians over the runs; peak heap is the highest of the runs.
 *
 * @param reason for a step that failed, one sentence; empty otherwise
 */
public record StepResult(String id, String title, Status status, String reason, List<TrialFigures> trials) {

    public enum Status {
        /** Every run completed. */
        MEASURED,
        /** A run threw; the runs before it are kept. */
        FAILED
    }

    public StepResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        trials = List.copyOf(trials);
    }

    static StepResult measured(Step step, List<TrialFigures> trials) {
        return new StepResult(step.id(), step.title(), Status.MEASURED, "", trials);
    }

    static StepResult failed(Step step, String reason, List<TrialFigures> trials) {
        return new StepResult(step.id(), step.title(), Status.FAILED, reason, trials);
    }

    public boolean isMeasured() {
        return status == Status.MEASURED && !trials.isEmpty();
    }

    public int runs() {
        return trials.size();
    }

    public long medianNanos() {
        return median(TrialFigures::nanos);
    }

    public double medianSeconds() {
        return medianNanos() / 1e9;
    }

    /** Rows one run handled (every run handles the same rows). */
    public long rows() {
        return trials.isEmpty() ? 0 : trials.get(trials.size() - 1).rows();
    }

    public double rowsPerSecond() {
        long nanos = medianNanos();
        return nanos == 0 ? 0 : rows() * 1e9 / nanos;
    }

    public long bytesUploaded() {
        return median(TrialFigures::bytesUploaded);
    }

    public long bytesDownloaded() {
        return median(TrialFigures::bytesDownloaded);
    }

    public long peakHeapBytes() {
        return trials.stream().mapToLong(TrialFigures::peakHeapBytes).max().orElse(0);
    }

    /** The highest heap in use after a collection in any run, or -1 when no collection ran. */
    public long peakLiveBytes() {
        return trials.stream().mapToLong(TrialFigures::peakLiveBytes).max().orElse(-1);
    }

    /** The middle value; with an even number of runs, the mean of the two middle ones. */
    private long median(ToLongFunction<TrialFigures> figure) {
        if (trials.isEmpty()) {
            return 0;
        }
        long[] values = trials.stream().mapToLong(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    /**
     * Why the steps {@code ids} cannot be judged ("x was not run", "y failed: ..."), or empty when
     * each of them was measured.
     */
    public static Optional<String> whyNotMeasured(Map<String, StepResult> steps, String... ids) {
        List<String> why = new ArrayList<>();
        for (String id : ids) {
            StepResult step = steps.get(id);
            if (step == null) {
                why.add(id + " was not run");
            } else if (!step.isMeasured()) {
                why.add(id + " failed: " + step.reason());
            }
        }
        return why.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", why));
    }
}
