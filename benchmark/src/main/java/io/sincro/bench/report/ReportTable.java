package io.sincro.bench.report;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import io.sincro.bench.company.CompanySize;
import io.sincro.bench.measure.StepResult;

/**
 * The report as a table for the terminal (and for README's Performance section): one line per
 * step with its median figures and the verdicts of the targets that judge it, then every
 * target with the figures behind it.
 */
public final class ReportTable {

    private static final String ROW = "%-19s %4s %9s %11s %11s %10s %10s %10s %10s  %s";

    private final Report report;

    public ReportTable(Report report) {
        this.report = report;
    }

    public void print(PrintStream out) {
        CompanySize size = report.size();
        out.printf(Locale.ROOT, "Sincro benchmark: size %s, seed %d, %d run%s per step (median)%s, heap limit %s,"
                + " Java %s%n", size.label(), report.seed(), report.runs(), report.runs() == 1 ? "" : "s",
                report.warmUps() == 0 ? "" : String.format(Locale.ROOT, " after %d warm-up run%s", report.warmUps(),
                        report.warmUps() == 1 ? "" : "s"), bytes(report.maxHeap()), report.java());
        out.printf(Locale.ROOT, "Company: %,d products, %d price lists (%,d rows), %d agents x %d customers x %d special"
                + " prices (%,d), %d orders of %d lines per agent; first sync brings %,d rows%n",
                size.products(), size.priceLists(), size.priceListRows(), size.agents(), size.customersPerAgent(),
                size.specialPricesPerCustomer(), size.specialPrices(), size.ordersPerAgent(), size.linesPerOrder(),
                size.firstSyncRows());
        // the company's stations are prepared by hq prepare-agent, which hands each its keys
        out.printf(Locale.ROOT, "Packages: each agent's streams encrypted (AES-256-GCM, its own key), the catalog signed"
                + " (Ed25519); the first-publish baseline is the same packages in clear%n%n");
        row(out, "step", "runs", "median s", "rows", "rows/s", "uploaded", "downloaded", "peak heap", "live heap",
                "targets");
        for (StepResult step : report.steps()) {
            String verdicts = verdicts(step.id());
            if (step.isMeasured()) {
                row(out, step.id(), step.runs(), String.format(Locale.ROOT, "%.3f", step.medianSeconds()),
                        String.format(Locale.ROOT, "%,d", step.rows()),
                        String.format(Locale.ROOT, step.rowsPerSecond() < 100 ? "%.2f" : "%,.0f", step.rowsPerSecond()),
                        bytesOrDash(step.bytesUploaded()), bytesOrDash(step.bytesDownloaded()),
                        bytes(step.peakHeapBytes()), step.peakLiveBytes() < 0 ? "-" : bytes(step.peakLiveBytes()), verdicts);
            } else {
                out.printf(Locale.ROOT, "%-19s FAILED: %s%s%n", step.id(), step.reason(),
                        verdicts.isEmpty() ? "" : "  [" + verdicts + "]");
            }
        }
        out.printf("%nTargets%n");
        for (Target target : report.targets()) {
            out.printf(Locale.ROOT, "  %-13s %s: %s%n", target.verdict().label(), target.rule(), target.detail());
        }
        if (!report.figures().isEmpty()) {
            out.printf("%nSizes%n");
            for (Map.Entry<String, Long> figure : report.figures().entrySet()) {
                out.printf(Locale.ROOT, "  %-28s %s (%,d bytes)%n", figure.getKey(), bytes(figure.getValue()), figure.getValue());
            }
        }
    }

    /** One line of the table, without the spaces an empty last column would leave. */
    private static void row(PrintStream out, Object... columns) {
        out.println(String.format(Locale.ROOT, ROW, columns).stripTrailing());
    }

    private String verdicts(String stepId) {
        List<Target> targets = report.targets().stream().filter(t -> stepId.equals(t.step())).toList();
        return targets.stream().map(t -> t.rule() + ": " + t.verdict().label()).collect(Collectors.joining("; "));
    }

    private static String bytesOrDash(long bytes) {
        return bytes == 0 ? "-" : bytes(bytes);
    }

    /** Bytes in binary units, three significant figures or so. */
    static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.2f %s" : value < 100 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }
}
