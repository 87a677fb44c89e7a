package io.sincro.bench;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import io.sincro.bench.agents.ManyAgentsBenchmark;
import io.sincro.bench.agents.ManyAgentsTable;
import io.sincro.bench.company.CompanyFixture;
import io.sincro.bench.company.CompanySize;
import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.measure.Snapshot;
import io.sincro.bench.pages.PagesBenchmark;
import io.sincro.bench.report.Report;
import io.sincro.bench.report.ReportJson;
import io.sincro.bench.report.ReportTable;
import io.sincro.bench.startup.StartupBenchmark;
import io.sincro.bench.sync.StationSyncEngine;
import io.sincro.bench.sync.SyncFixture;

/**
 * {@code scripts/bench}: Sincro's benchmark (its targets: the README's Performance section). Prints the table on standard output, progress on
 * standard error, and writes the JSON report. Exit code 0 when every step ran or is not
 * available in this build, 1 when a step failed, 2 for a wrong option. Targets not met do not
 * change the exit code: the report is the verdict.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures Sincro on a synthetic company: each step several times in fresh databases, against"
                + " the embedded FTP mailbox on loopback, beside Derby's own bulk import. Prints a table and writes"
                + " one JSON object."},
        footer = {"", "Steps: generate, hq-import, hq-import-reference, hq-reload, hq-reload-1pct, prepare-agents,"
                + " reference, first-publish, first-sync, delta-publish,"
                + " delta-sync, orders-send, orders-receive, many-orders-send, many-orders-receive."})
public final class BenchCommand implements Callable<Integer> {

    private static final Logger log = LoggerFactory.getLogger(BenchCommand.class);
    /** Each step's unmeasured runs before its timed ones, unless --warm-up says otherwise. */
    private static final int DEFAULT_WARM_UPS = 1;

    @Option(names = "--size", paramLabel = "SIZE",
            description = "The company: small (2,000 products, 3 agents; well under a minute), medium (50,000"
                    + " products, 20 agents), large (200,000 products, 200 agents) or station (200,000 products,"
                    + " 1 agent). Default: small, and station with --pages.")
    private CompanySize size;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "How many times each step runs, each in fresh databases; the median is reported: at"
                    + " least 3 make a median worth reading. Default: ${DEFAULT-VALUE}.")
    private int runs;

    /** Each step's warm-up runs when given; otherwise {@link #DEFAULT_WARM_UPS}. */
    @Option(names = "--warm-up", paramLabel = "N",
            description = "How many times each step runs first, not measured, in fresh databases, so the JIT has"
                    + " compiled what the step runs before it is timed (the reference's as ours). Default: 1;"
                    + " 0 times a step's first runs with the JIT. Not with --agents, --startup or --pages.")
    private Integer warmUps;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "target/bench/report.json",
            description = "Where the JSON report goes. Default: ${DEFAULT-VALUE}.")
    private Path out;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "target/bench/work",
            description = "Where databases, mailboxes and files are made; emptied first, removed at the end unless"
                    + " --keep. Needs room: about 3 GB at size large. Default: ${DEFAULT-VALUE}.")
    private Path work;

    @Option(names = "--keep", description = "Keep the work folder (every run's stations and mailbox) to look at.")
    private boolean keep;

    @Option(names = "--seed", paramLabel = "N", description = "The generator's seed. Default: ${DEFAULT-VALUE};"
            + " compare only runs made with the same seed.")
    private long seed = SyntheticCompany.DEFAULT_SEED;

    @Option(names = "--step", paramLabel = "ID", split = ",",
            description = "Run only these steps (repeat, or separate with commas); the steps they start from are"
                    + " made anyway, untimed. Default: all.")
    private List<String> steps = List.of();

    @Option(names = "--orders", paramLabel = "N",
            description = "The orders (of 10 lines) agent A001 sends in the steps many-orders-send and"
                    + " many-orders-receive, entered once, untimed, as an agent enters them. Default: ${DEFAULT-VALUE},"
                    + " the figure their targets are set for.")
    private int manyOrders = SyncFixture.DEFAULT_MANY_ORDERS;

    @Option(names = "--agents", paramLabel = "N",
            description = "Instead of the steps: the head office's sync with 10, 100, ... up to N agents (nothing"
                    + " new; 10 agents' orders waiting; a publish to those 10), with the cost per agent. 1000 takes"
                    + " about 10 minutes.")
    private Integer agents;

    @Option(names = "--startup",
            description = "Instead of the steps: the wall time of sincro --version, price and product search, each a"
                    + " process of its own through a station's launcher (class-data archive) and with java -jar, at"
                    + " size small's agent A001 after its first sync.")
    private boolean startup;

    @Option(names = "--pages",
            description = "Instead of the steps: how fast sincro ui answers its pages (home, catalog searches, customers,"
                    + " orders, an order) at agent A001's station after its first sync, median and 95th percentile"
                    + " against 50 ms. Builds the company of --size (default station: 200,000 products) first.")
    private boolean pages;

    @Option(names = "--jar", paramLabel = "FILE", defaultValue = "app/target/sincro.jar",
            description = "The application jar --startup runs. Default: ${DEFAULT-VALUE}.")
    private Path jar;

    @Spec
    private CommandSpec spec;

    private final PrintStream stdout;
    private final PrintStream stderr;

    BenchCommand(PrintStream stdout, PrintStream stderr) {
        this.stdout = stdout;
        this.stderr = stderr;
    }

    public static void main(String[] args) {
        System.exit(commandLine(System.out, System.err).execute(args));
    }

    static CommandLine commandLine(PrintStream stdout, PrintStream stderr) {
        CommandLine line = new CommandLine(new BenchCommand(stdout, stderr));
        line.setCaseInsensitiveEnumValuesAllowed(true);
        line.setOut(new PrintWriter(stdout, true));
        line.setErr(new PrintWriter(stderr, true));
        // a failure outside the steps (no room for the work folder, a report that cannot be
        // written) is one sentence; the stack trace goes to the log
        line.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            log.error("the benchmark failed", e);
            stderr.println("bench: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return line;
    }

    @Override
    public Integer call() {
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs must be at least 1, not " + runs);
        }
        if (warmUps != null && warmUps < 0) {
            throw new ParameterException(spec.commandLine(), "--warm-up must be 0 or more, not " + warmUps);
        }
        if (warmUps != null && (agents != null || startup || pages)) {
            throw new ParameterException(spec.commandLine(), "--warm-up is for the steps; --agents, --startup and"
                    + " --pages measure their own way, leave it out");
        }
        Set<String> selected = new LinkedHashSet<>(steps);
        for (String id : selected) {
            if (!Benchmark.STEP_IDS.contains(id)) {
                throw new ParameterException(spec.commandLine(), "unknown step '" + id
                        + "'; the steps are " + String.join(", ", Benchmark.STEP_IDS));
            }
        }
        if (manyOrders < 1) {
            throw new ParameterException(spec.commandLine(), "--orders must be at least 1, not " + manyOrders);
        }
        if (agents != null && agents < 1) {
            throw new ParameterException(spec.commandLine(), "--agents must be at least 1, not " + agents);
        }
        if (agents != null && !selected.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--agents runs its own steps; leave out --step");
        }
        if (runs < 3) {
            stderr.println("bench: " + runs + " run" + (runs == 1 ? "" : "s") + " per step: a median means"
                    + " little below 3");
        }
        if (agents != null) {
            return manyAgents();
        }
        if (startup) {
            return startup();
        }
        if (pages) {
            return pages();
        }
        if (size == null) {
            size = CompanySize.SMALL;
        }
        int warmUpRuns = warmUps != null ? warmUps : DEFAULT_WARM_UPS;
        log.info("benchmark: size {}, seed {}, {} runs after {} warm-up runs, work {}, steps {}", size, seed, runs,
                warmUpRuns, work, selected.isEmpty() ? "all" : selected);
        Report report = new Benchmark(size, seed, runs, warmUpRuns, work, keep, selected, manyOrders, line -> {
            log.info(line);
            stderr.println("bench: " + line);
        }).run();
        new ReportTable(report).print(stdout);
        new ReportJson(report).writeTo(out);
        stdout.println();
        stdout.println("Report written to " + out.toAbsolutePath().normalize());
        return report.anyFailed() ? 1 : 0;
    }

    private int startup() {
        Path folder = Benchmark.claimWork(work);
        java.util.function.Consumer<String> progress = line -> {
            log.info(line);
            stderr.println("bench: " + line);
        };
        SyntheticCompany company = new SyntheticCompany(CompanySize.SMALL, seed);
        CompanyFixture fixture = new CompanyFixture(company, folder.resolve("fixtures"), Clock.systemUTC(), progress);
        SyncFixture sync = new SyncFixture(fixture, new StationSyncEngine(), folder.resolve("sync-fixtures"));
        List<StartupBenchmark.Figure> figures = new StartupBenchmark(sync, company, jar, folder, progress).run();
        StartupBenchmark.print(figures, stdout);
        if (!keep) {
            Snapshot.remove(folder);
        }
        return 0;
    }

    private int pages() {
        Path folder = Benchmark.claimWork(work);
        java.util.function.Consumer<String> progress = line -> {
            log.info(line);
            stderr.println("bench: " + line);
        };
        SyntheticCompany company = new SyntheticCompany(size == null ? CompanySize.STATION : size, seed);
        CompanyFixture fixture = new CompanyFixture(company, folder.resolve("fixtures"), Clock.systemUTC(), progress);
        SyncFixture sync = new SyncFixture(fixture, new StationSyncEngine(), folder.resolve("sync-fixtures"));
        PagesBenchmark.Result result = new PagesBenchmark(sync, company, folder, Clock.systemUTC(), progress).run();
        PagesBenchmark.print(result, stdout);
        if (!keep) {
            Snapshot.remove(folder);
        }
        return 0;
    }

    private int manyAgents() {
        log.info("benchmark: {} agents, {} runs, work {}", agents, runs, work);
        ManyAgentsBenchmark.Result result = new ManyAgentsBenchmark(agents, runs, Benchmark.claimWork(work), keep,
                line -> {
                    log.info(line);
                    stderr.println("bench: " + line);
                }).run();
        new ManyAgentsTable(result).print(stdout);
        if (!keep) {
            Snapshot.remove(work);
        }
        boolean failed = result.scales().stream().flatMap(s -> java.util.stream.Stream.of(s.idle(), s.sending(),
                s.publish())).anyMatch(r -> !r.isMeasured());
        return failed ? 1 : 0;
    }
}
