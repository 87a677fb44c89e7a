package io.sincro.bench.agents;

import java.io.PrintStream;
import java.util.Locale;

import io.sincro.bench.measure.StepResult;
import io.sincro.bench.report.Target;

/** The many-agents report for the terminal and README: per number of agents, each sync's median and cost per agent. */
public final class ManyAgentsTable {

    private static final String ROW = "%-8s %-8s %4s %9s %14s %11s %10s %10s";

    private final ManyAgentsBenchmark.Result result;

    public ManyAgentsTable(ManyAgentsBenchmark.Result result) {
        this.result = result;
    }

    public void print(PrintStream out) {
        out.printf(Locale.ROOT, "Sincro benchmark: the head office's sync with many agents, %d run%s per step (median),"
                + " heap limit %d MiB, Java %s%n", result.runs(), result.runs() == 1 ? "" : "s",
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        out.printf(Locale.ROOT, "Company: %d products in one price list; per agent %d customers with %d special prices"
                + " each; %d agents (or all, when fewer) have stations and send one order of %d lines; the embedded"
                + " FTP server on loopback%n%n", ManyAgentsCompany.PRODUCTS, ManyAgentsCompany.CUSTOMERS_PER_AGENT,
                ManyAgentsCompany.SPECIAL_PRICES_PER_CUSTOMER, ManyAgentsBenchmark.SENDERS,
                ManyAgentsCompany.LINES_PER_ORDER);
        out.println(String.format(Locale.ROOT, ROW, "agents", "sync", "runs", "median s", "ms per agent", "uploaded",
                "downloaded", "peak heap").stripTrailing());
        for (ManyAgentsBenchmark.Scale scale : result.scales()) {
            for (StepResult step : new StepResult[] {scale.idle(), scale.sending(), scale.publish()}) {
                String kind = step.id().substring(0, step.id().lastIndexOf('-'));
                if (!step.isMeasured()) {
                    out.printf(Locale.ROOT, "%-8s %-8s FAILED: %s%n", String.format(Locale.ROOT, "%,d", scale.agents()),
                            kind, step.reason());
                    continue;
                }
                out.println(String.format(Locale.ROOT, ROW, String.format(Locale.ROOT, "%,d", scale.agents()), kind,
                        step.runs(), String.format(Locale.ROOT, "%.3f", step.medianSeconds()),
                        String.format(Locale.ROOT, "%.2f", 1e3 * step.medianSeconds() / scale.agents()),
                        kib(step.bytesUploaded()), kib(step.bytesDownloaded()), (step.peakHeapBytes() >> 20) + " MiB")
                        .stripTrailing());
            }
        }
        out.printf("%nTargets%n");
        for (Target target : result.targets()) {
            out.printf(Locale.ROOT, "  %-13s %s: %s%n", target.verdict().label(), target.rule(), target.detail());
        }
    }

    private static String kib(long bytes) {
        return bytes == 0 ? "-" : String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
}
