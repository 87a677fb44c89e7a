package io.sincro.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CompanySize;
import io.sincro.bench.company.GenerateStep;
import io.sincro.bench.company.HeadOfficeImportStep;
import io.sincro.bench.company.PrepareStationsStep;
import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.loading.LoadReferenceStep;
import io.sincro.bench.loading.LoadingTargets;
import io.sincro.bench.loading.ReloadStep;
import io.sincro.bench.measure.Harness;
import io.sincro.bench.measure.Snapshot;
import io.sincro.bench.measure.Step;
import io.sincro.bench.measure.StepResult;
import io.sincro.bench.reference.ReferenceImportStep;
import io.sincro.bench.report.Report;
import io.sincro.bench.report.Target;
import io.sincro.bench.sync.OrderTargets;
import io.sincro.bench.sync.PublishBaseline;
import io.sincro.bench.sync.StationSyncEngine;
import io.sincro.bench.sync.SyncFixture;
import io.sincro.bench.sync.SyncStep;

/**
 * One benchmark run: the synthetic company, every step measured side by side, round by round (each
 * step's first run, then each one's second...), the targets judged.
 * Everything happens under one work folder, emptied first and removed at the end unless kept.
 */
final class Benchmark {

    private static final Logger log = LoggerFactory.getLogger(Benchmark.class);
    /** The file that marks a work folder as the benchmark's own. */
    private static final String MARK = ".sincro-bench";

    /** Every step, in the order each round runs them; a subset may be asked for by id. */
    static final List<String> STEP_IDS = List.of("generate", "hq-import", "hq-import-reference", "hq-reload",
            "hq-reload-1pct", "prepare-agents", "reference",
            "first-publish", "first-sync", "delta-publish", "delta-sync", "orders-send", "orders-receive",
            "many-orders-send", "many-orders-receive");

    private final CompanySize size;
    private final long seed;
    private final int runs;
    private final int warmUps;
    private final Path work;
    private final boolean keep;
    private final Set<String> selected;
    private final Consumer<String> progress;
    private final int manyOrders;

    /**
     * @param warmUps    the runs of each step before those measured (see Harness)
     * @param selected   the ids of the steps to run; empty for all
     * @param manyOrders the orders the first agent sends in the many-orders steps
     */
    Benchmark(CompanySize size, long seed, int runs, int warmUps, Path work, boolean keep, Set<String> selected, int manyOrders,
            Consumer<String> progress) {
        this.manyOrders = manyOrders;
        this.size = size;
        this.seed = seed;
        this.runs = runs;
        this.warmUps = warmUps;
        this.work = work.toAbsolutePath().normalize();
        this.keep = keep;
        this.selected = Set.copyOf(selected);
        this.progress = progress;
    }

    Report run() {
        Instant started = Instant.now();
        claimWork();
        SyntheticCompany company = new SyntheticCompany(size, seed);
        CompanyFixture fixture = new CompanyFixture(company, work.resolve("fixtures"), Clock.systemUTC(), progress);
        SyncFixture sync = new SyncFixture(fixture, new StationSyncEngine(), work.resolve("sync-fixtures"),
                manyOrders);
        ReferenceImportStep reference = new ReferenceImportStep(fixture, company.agentCode(0), work.resolve("reference"));
        ReloadStep changedReload = new ReloadStep(fixture, true, work.resolve("changed-csv"));
        List<Step> steps = new ArrayList<>(List.of(new GenerateStep(fixture), new HeadOfficeImportStep(fixture),
                new LoadReferenceStep(fixture, work.resolve("hq-reference")), new ReloadStep(fixture, false, null),
                changedReload, new PrepareStationsStep(fixture), reference));
        steps.addAll(SyncStep.all(sync));

        Harness harness = new Harness(runs, warmUps, work.resolve("runs"), keep, progress);
        // side by side, round by round (Harness#measure): a ratio compares runs made at the same time
        Map<String, StepResult> results = new LinkedHashMap<>();
        for (StepResult result : harness.measure(steps.stream()
                .filter(step -> selected.isEmpty() || selected.contains(step.id())).toList())) {
            results.put(result.id(), result);
        }

        Map<String, Long> figures = new LinkedHashMap<>();
        if (results.containsKey("reference") && results.get("reference").isMeasured()) {
            figures.put("referenceCsvBytes", reference.csvBytes());
        }
        Optional<PublishBaseline.Bytes> baseline = Optional.empty();
        if (results.containsKey("first-publish")) {
            baseline = publishBaseline(fixture);
            baseline.ifPresent(b -> {
                figures.put("catalogPackageBytes", b.catalog());
                figures.put("agentsDataPackageBytes", b.agentsData());
            });
        }
        List<StepResult> measured = List.copyOf(results.values());
        List<Target> targets = new ArrayList<>(new Targets(results, baseline, size, Runtime.getRuntime().maxMemory()).judge());
        targets.addAll(new LoadingTargets(results, results.containsKey("hq-reload-1pct") ? changedReload.changedRows() : 0)
                .judge());
        targets.addAll(new OrderTargets(results).judge());
        Report report = new Report(size, seed, runs, warmUps, Runtime.getRuntime().maxMemory(), System.getProperty("java.version"),
                started, Instant.now(), measured, figures,
                targets);
        if (!keep) {
            Snapshot.remove(work);
        }
        return report;
    }

    /**
     * Empties the work folder, but only one this benchmark made (it holds {@value #MARK}): a
     * mistyped {@code --work} must never wipe someone's folder.
     */
    private void claimWork() {
        claimWork(work);
    }

    /** Claims {@code work} as {@link #claimWork()} does; returns it, absolute. */
    static Path claimWork(Path folder) {
        Path work = folder.toAbsolutePath().normalize();
        try {
            if (Files.exists(work) && !Files.isDirectory(work)) {
                throw new IllegalArgumentException(work + " is a file; give --work a new or empty folder");
            }
            if (Files.isDirectory(work)) {
                try (Stream<Path> entries = Files.list(work)) {
                    if (entries.findAny().isPresent() && !Files.exists(work.resolve(MARK))) {
                        throw new IllegalArgumentException(work + " holds files the benchmark did not make; give --work"
                                + " a new or empty folder (the benchmark empties it on every run)");
                    }
                }
            }
            Snapshot.remove(work);
            Files.createDirectories(work);
            Files.writeString(work.resolve(MARK), "made by scripts/bench: emptied on every run\n");
            return work;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the work folder " + work + ": " + e.getMessage(), e);
        }
    }

    /** The first publish's least upload; a failure here costs that one target, not the report. */
    private Optional<PublishBaseline.Bytes> publishBaseline(CompanyFixture fixture) {
        progress.accept("baseline: writing the catalog and each agent's data as packages");
        try {
            return Optional.of(new PublishBaseline(fixture).measure(work.resolve("baseline")));
        } catch (RuntimeException e) {
            log.error("the publish baseline could not be measured", e);
            progress.accept("baseline: failed: " + e.getMessage());
            return Optional.empty();
        }
    }
}
