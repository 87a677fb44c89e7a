package io.sincro.bench.agents;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.sincro.bench.measure.Harness;
import io.sincro.bench.measure.Snapshot;
import io.sincro.bench.measure.StepResult;
import io.sincro.bench.report.Target;
import io.sincro.bench.sync.StationSyncEngine;

/**
 * {@code scripts/bench --agents N}: the head office's sync with 10, 100, ... up to N agents, each
 * number with its own company and fixtures, {@value #SENDERS} of the agents (or all, when fewer)
 * with real stations that send orders. Its targets: a sync with nothing new within
 * {@value #IDLE_LIMIT_SECONDS} s for 1,000 agents (by proportion for another N), and the cost of
 * the senders' orders or of a publish to them that does not grow with the number of agents.
 */
public final class ManyAgentsBenchmark {

    static final int SENDERS = 10;
    static final double IDLE_LIMIT_SECONDS = 10.0;
    static final int IDLE_LIMIT_AGENTS = 1_000;
    /** How much the senders' cost may grow from the fewest agents to the most: noise, not a trend. */
    static final double PROPORTION_LIMIT = 1.5;

    /** What was measured at one number of agents. */
    public record Scale(int agents, int senders, StepResult idle, StepResult sending, StepResult publish) {
    }

    /** The figures and their verdicts. */
    public record Result(int runs, List<Scale> scales, List<Target> targets) {
    }

    private final int agents;
    private final int runs;
    private final Path work;
    private final boolean keep;
    private final Consumer<String> progress;

    public ManyAgentsBenchmark(int agents, int runs, Path work, boolean keep, Consumer<String> progress) {
        if (agents < 1) {
            throw new IllegalArgumentException("--agents must be at least 1, not " + agents);
        }
        this.agents = agents;
        this.runs = runs;
        this.work = work;
        this.keep = keep;
        this.progress = progress;
    }

    /** 10, 100, 1,000, ... up to {@code most}, and {@code most} itself. */
    static List<Integer> scales(int most) {
        TreeSet<Integer> scales = new TreeSet<>();
        for (long n = 10; n < most; n *= 10) {
            scales.add((int) n);
        }
        scales.add(most);
        return List.copyOf(scales);
    }

    public Result run() {
        Harness harness = new Harness(runs, work.resolve("runs"), keep, progress);
        List<Scale> measured = new ArrayList<>();
        for (int n : scales(agents)) {
            ManyAgentsCompany company = new ManyAgentsCompany(n, Math.min(SENDERS, n));
            Path folder = work.resolve("agents-" + n);
            ManyAgentsFixture fixture = new ManyAgentsFixture(company, new StationSyncEngine(), folder.resolve("fixtures"),
                    Clock.systemUTC(), progress);
            // side by side, round by round (Harness#measure): sending and publish are judged against idle
            List<StepResult> steps = harness.measure(List.of(new ManyAgentsStep(fixture, ManyAgentsStep.Kind.IDLE),
                    new ManyAgentsStep(fixture, ManyAgentsStep.Kind.SENDING),
                    new ManyAgentsStep(fixture, ManyAgentsStep.Kind.PUBLISH)));
            measured.add(new Scale(n, company.senders(), steps.get(0), steps.get(1), steps.get(2)));
            if (!keep) {
                Snapshot.remove(folder);
            }
        }
        return new Result(runs, measured, judge(measured));
    }

    static List<Target> judge(List<Scale> scales) {
        List<Target> targets = new ArrayList<>();
        Scale most = scales.get(scales.size() - 1);
        double limit = IDLE_LIMIT_SECONDS * most.agents() / IDLE_LIMIT_AGENTS;
        String rule = String.format(Locale.ROOT, "head office sync with nothing new, %,d agents <= %.2f s", most.agents(),
                limit);
        if (!most.idle().isMeasured()) {
            targets.add(Target.notMeasured("agents-idle", most.idle().id(), rule, limit, most.idle().reason()));
        } else {
            double seconds = most.idle().medianSeconds();
            targets.add(Target.judged("agents-idle", most.idle().id(), rule, seconds, limit, String.format(Locale.ROOT,
                    "%.3f s, %.2f ms per agent%s", seconds, 1e3 * seconds / most.agents(),
                    most.agents() == IDLE_LIMIT_AGENTS ? "" : " (the target is 10 s for 1,000 agents, in proportion)")));
        }
        Scale fewest = scales.get(0);
        targets.add(extra("agents-sending", "the senders' orders", fewest, most, Scale::sending));
        targets.add(extra("agents-publish", "a publish to the senders", fewest, most, Scale::publish));
        return targets;
    }

    /**
     * What {@code step} costs above the sync with nothing new, at the most agents against the fewest:
     * in proportion to the senders' work, it does not grow with the agents who send nothing.
     */
    private static Target extra(String id, String what, Scale fewest, Scale most,
            java.util.function.Function<Scale, StepResult> step) {
        String rule = String.format(Locale.ROOT, "%s cost, above nothing new, at %,d agents <= %.1f x at %,d", what,
                most.agents(), PROPORTION_LIMIT, fewest.agents());
        StepResult high = step.apply(most);
        StepResult low = step.apply(fewest);
        if (fewest == most) {
            return Target.notMeasured(id, high.id(), rule, PROPORTION_LIMIT, "one number of agents only: give --agents"
                    + " 100 or more");
        }
        for (StepResult r : List.of(high, low, most.idle(), fewest.idle())) {
            if (!r.isMeasured()) {
                return Target.notMeasured(id, high.id(), rule, PROPORTION_LIMIT, r.id() + " failed: " + r.reason());
            }
        }
        double atMost = Math.max(0, high.medianSeconds() - most.idle().medianSeconds());
        double atFewest = Math.max(0.001, low.medianSeconds() - fewest.idle().medianSeconds());
        double ratio = atMost / atFewest;
        return Target.judged(id, high.id(), rule, ratio, PROPORTION_LIMIT, String.format(Locale.ROOT,
                "%.2f x (%.3f s above %.3f s at %,d agents; %.3f s above %.3f s at %,d)", ratio, atMost,
                most.idle().medianSeconds(), most.agents(), atFewest, fewest.idle().medianSeconds(), fewest.agents()));
    }
}
