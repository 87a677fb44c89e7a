package io.sincro.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.exchange.ftp.FtpSettings;
import io.sincro.exchange.ftp.TlsMode;
import io.sincro.exchange.server.MailboxServer;
import io.sincro.exchange.server.ServeOptions;

/**
 * Runs each step several times, each run in a folder of its own with a fresh mailbox server on a
 * free loopback port, and measures the work of every run: wall time, rows, bytes through the
 * mailbox, heap. Preparing a run (copying databases, starting the server) is never measured, and
 * a collection runs before each measurement so one run's garbage is not charged to the next.
 */
public final class Harness {

    private static final Logger log = LoggerFactory.getLogger(Harness.class);
    /** The embedded server lets anyone in on loopback; FTP still wants a password. */
    private static final String ANONYMOUS = "anonymous";

    private final int runs;
    private final int warmUps;
    private final Path work;
    private final boolean keep;
    private final Consumer<String> progress;

    public Harness(int runs, Path work, boolean keep, Consumer<String> progress) {
        this(runs, 0, work, keep, progress);
    }

    /**
     * @param runs     how many times each step runs and is measured
     * @param warmUps  how many times each step runs first, unmeasured, so that what it runs is
     *                 compiled by the JIT before it is timed: otherwise its first runs time the JIT,
     *                 and a step whose code another step ran before it (Derby's import, after the
     *                 head office's load) starts warmer than a step running code of its own
     * @param work     where the runs' folders go
     * @param keep     whether to keep each run's folder (databases, mailbox) for a look afterwards
     * @param progress told one line per run, for a console that would otherwise stay silent for minutes
     */
    public Harness(int runs, int warmUps, Path work, boolean keep, Consumer<String> progress) {
        if (runs < 1) {
            throw new IllegalArgumentException("a step runs at least once, not " + runs + " times");
        }
        if (warmUps < 0) {
            throw new IllegalArgumentException("a step warms up a number of times, 0 or more, not " + warmUps);
        }
        this.runs = runs;
        this.warmUps = warmUps;
        this.work = work;
        this.keep = keep;
        this.progress = progress;
    }

    public StepResult measure(Step step) {
        return measure(List.of(step)).get(0);
    }

    /**
     * Measures the steps side by side, round by round: each step's first warm-up run, then each
     * one's second, and so on, then each step's first measured run, then each one's second. A
     * machine whose speed drifts over minutes (a shared host's neighbours, its caches, the heap
     * filling) then slows each step's runs alike, so a step compared with another (ours with
     * Derby's import) is compared with runs made at the same time, not minutes apart. A step whose
     * run fails stops there; the others go on. Returns one result per step, in their order.
     */
    public List<StepResult> measure(List<? extends Step> steps) {
        List<Measuring> measuring = steps.stream().map(Measuring::new).toList();
        try (HeapMeter heap = new HeapMeter()) {
            for (int warmUp = 1; warmUp <= warmUps; warmUp++) {
                for (Measuring step : measuring) {
                    step.warmUp(warmUp, heap);
                }
            }
            for (int run = 1; run <= runs; run++) {
                for (Measuring step : measuring) {
                    step.run(run, heap);
                }
            }
        }
        return measuring.stream().map(Measuring::result).toList();
    }

    /** One step's runs so far, or how its last one failed. */
    private final class Measuring {

        private final Step step;
        private final List<TrialFigures> trials = new ArrayList<>();
        private String failure;

        Measuring(Step step) {
            this.step = step;
        }

        void warmUp(int warmUp, HeapMeter heap) {
            attempt("warm-up run " + warmUp, () -> {
                TrialFigures figures = once(step, "warm-up-" + warmUp, warmUp - warmUps, heap);
                progress.accept(String.format(Locale.ROOT, "%s: warm-up run %d of %d, not measured: %.3f s", step.id(),
                        warmUp, warmUps, figures.nanos() / 1e9));
            });
        }

        void run(int run, HeapMeter heap) {
            attempt("run " + run, () -> {
                TrialFigures figures = once(step, "run-" + run, run, heap);
                trials.add(figures);
                progress.accept(String.format(Locale.ROOT, "%s: run %d of %d: %.3f s, %,d rows", step.id(), run, runs,
                        figures.nanos() / 1e9, figures.rows()));
            });
        }

        private void attempt(String running, Run work) {
            if (failure != null) {
                return;
            }
            try {
                work.run();
            } catch (Exception | OutOfMemoryError e) {
                // the other steps still run: one failure should not cost a long benchmark's other figures
                log.error("step {} failed in {}", step.id(), running, e);
                failure = running + " failed: " + describe(e);
                progress.accept(step.id() + ": " + failure);
            }
        }

        StepResult result() {
            return failure == null ? StepResult.measured(step, trials) : StepResult.failed(step, failure, trials);
        }
    }

    /** A run of a step, which may throw anything its work throws. */
    @FunctionalInterface
    private interface Run {
        void run() throws Exception;
    }

    private TrialFigures once(Step step, String name, int run, HeapMeter heap) throws Exception {
        Path folder = work.resolve(step.id()).resolve(name);
        Snapshot.remove(folder);
        Path root = folder.resolve("mailbox");
        try {
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException("could not make " + root + ": " + e.getMessage(), e);
        }
        MailboxTraffic traffic = new MailboxTraffic(root);
        try (MailboxServer server = MailboxServer.start(ServeOptions.loopback(root, 0), traffic)) {
            FtpSettings settings = FtpSettings.of(ServeOptions.LOOPBACK, server.port(), ANONYMOUS, "bench@sincro",
                    TlsMode.NONE);
            try (Trial trial = step.prepare(new TrialSpace(run, folder, root, settings))) {
                heap.reset();
                traffic.reset();
                long start = System.nanoTime();
                long rows = trial.run();
                long nanos = System.nanoTime() - start;
                TrialFigures figures = new TrialFigures(nanos, rows, traffic.uploaded(), traffic.downloaded(),
                        heap.peak(), heap.live());
                log.info("{} {}: {}", step.id(), name, figures);
                trial.verify();
                return figures;
            }
        } finally {
            if (!keep) {
                Snapshot.remove(folder);
            }
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return (message == null || message.isBlank() ? e.getClass().getSimpleName() : message)
                + (e instanceof OutOfMemoryError ? " (out of memory)" : "");
    }
}
