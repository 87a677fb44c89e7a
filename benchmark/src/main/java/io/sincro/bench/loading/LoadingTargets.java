package io.sincro.bench.loading;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.sincro.bench.measure.StepResult;
import io.sincro.bench.report.Target;

/**
 * The head office's loading targets: the first load against Derby's import of the same rows, the
 * reload of unchanged files in rows per second, and the reload with 1% changed, whose extra time
 * over the unchanged reload must stay in proportion to the change.
 */
public final class LoadingTargets {

    static final double FIRST_LOAD_LIMIT = 1.2;
    static final double RELOAD_ROWS_PER_SECOND = 50_000;
    /**
     * The extra time of the 1% reload over the unchanged one, per changed row, at most this many
     * times the first load's time per row: a changed row is stored by itself, with its rules (a
     * special price's conflict), where the first load inserts rows in bulk.
     */
    static final double CHANGED_ROW_LIMIT = 10;

    private final Map<String, StepResult> steps;
    private final long changedRows;

    /**
     * @param steps       the results by step id
     * @param changedRows how many rows the 1% reload changes
     */
    public LoadingTargets(Map<String, StepResult> steps, long changedRows) {
        this.steps = steps;
        this.changedRows = changedRows;
    }

    public List<Target> judge() {
        List<Target> targets = new ArrayList<>();
        targets.add(firstLoad());
        targets.add(reload());
        targets.add(changedReload());
        return targets;
    }

    private Target firstLoad() {
        String id = "hq-import-vs-reference";
        String rule = "hq first load <= 1.2 x Derby import of the same rows";
        Optional<String> missing = missing("hq-import", "hq-import-reference");
        if (missing.isPresent()) {
            return Target.notMeasured(id, "hq-import", rule, FIRST_LOAD_LIMIT, missing.get());
        }
        StepResult load = steps.get("hq-import");
        StepResult reference = steps.get("hq-import-reference");
        double ratio = (double) load.medianNanos() / reference.medianNanos();
        return Target.judged(id, "hq-import", rule, ratio, FIRST_LOAD_LIMIT, String.format(Locale.ROOT,
                "ratio %.2f (first load %.3f s, Derby's import %.3f s)", ratio, load.medianSeconds(),
                reference.medianSeconds()));
    }

    private Target reload() {
        String id = "hq-reload-rate";
        String rule = "hq reload of unchanged files >= 50,000 rows/s";
        Optional<String> missing = missing("hq-reload");
        if (missing.isPresent()) {
            return Target.notMeasured(id, "hq-reload", rule, RELOAD_ROWS_PER_SECOND, missing.get());
        }
        StepResult reload = steps.get("hq-reload");
        double rate = reload.rowsPerSecond();
        // judged as "at most": the limit over the rate, so at most 1 is met
        return new Target(id, "hq-reload", rule, rate >= RELOAD_ROWS_PER_SECOND ? Target.Verdict.MET
                : Target.Verdict.NOT_MET, rate, RELOAD_ROWS_PER_SECOND, String.format(Locale.ROOT,
                "%,.0f rows/s (%,d rows in %.3f s)", rate, reload.rows(), reload.medianSeconds()));
    }

    private Target changedReload() {
        String id = "hq-reload-changed";
        String rule = "hq reload, 1% changed: extra time per changed row <= 10 x first load's per row";
        Optional<String> missing = missing("hq-reload-1pct", "hq-reload", "hq-import");
        if (missing.isPresent()) {
            return Target.notMeasured(id, "hq-reload-1pct", rule, CHANGED_ROW_LIMIT, missing.get());
        }
        if (changedRows == 0) {
            return Target.notMeasured(id, "hq-reload-1pct", rule, CHANGED_ROW_LIMIT, "no row was changed");
        }
        StepResult changed = steps.get("hq-reload-1pct");
        StepResult unchanged = steps.get("hq-reload");
        StepResult first = steps.get("hq-import");
        double extraPerRow = Math.max(0, changed.medianSeconds() - unchanged.medianSeconds()) / changedRows;
        double firstPerRow = first.medianSeconds() / first.rows();
        double ratio = extraPerRow / firstPerRow;
        return Target.judged(id, "hq-reload-1pct", rule, ratio, CHANGED_ROW_LIMIT, String.format(Locale.ROOT,
                "%.1f x (%.3f s with %,d rows changed, %.3f s unchanged: %.1f us per changed row; first load %.1f us"
                        + " per row)", ratio, changed.medianSeconds(), changedRows, unchanged.medianSeconds(),
                extraPerRow * 1e6, firstPerRow * 1e6));
    }

    private Optional<String> missing(String... ids) {
        return StepResult.whyNotMeasured(steps, ids);
    }
}
