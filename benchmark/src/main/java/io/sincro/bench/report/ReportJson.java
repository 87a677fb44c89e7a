package io.sincro.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;

import io.sincro.bench.company.CompanySize;
import io.sincro.bench.measure.StepResult;
import io.sincro.bench.measure.TrialFigures;

/**
 * The report as one JSON object, so runs can be compared by a script. Times are in seconds, sizes
 * in bytes; a figure that was not measured is null. {@code formatVersion} changes when a field
 * changes meaning.
 */
public final class ReportJson {

    static final int FORMAT_VERSION = 1;

    private final Report report;

    public ReportJson(Report report) {
        this.report = report;
    }

    /** Writes the report to {@code file} (its folder made when missing), replacing it whole. */
    public void writeTo(Path file) {
        Path target = file.toAbsolutePath();
        Path temporary = target.resolveSibling("." + target.getFileName() + ".part");
        try {
            Files.createDirectories(target.getParent());
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                writeTo(out);
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the report to " + target + ": " + e.getMessage(), e);
        }
    }

    void writeTo(Writer out) throws IOException {
        JsonWriter json = new JsonWriter(out);
        json.beginObject();
        json.name("formatVersion").value(FORMAT_VERSION);
        json.name("size").value(report.size().label());
        json.name("seed").value(report.seed());
        json.name("runsPerStep").value(report.runs());
        json.name("warmUpsPerStep").value(report.warmUps());
        json.name("maxHeapBytes").value(report.maxHeap());
        json.name("java").value(report.java());
        json.name("startedAt").value(report.startedAt().toString());
        json.name("finishedAt").value(report.finishedAt().toString());
        company(json, report.size());
        json.name("steps").beginArray();
        for (StepResult step : report.steps()) {
            step(json, step);
        }
        json.endArray();
        json.name("figures").beginObject();
        for (Map.Entry<String, Long> figure : report.figures().entrySet()) {
            json.name(figure.getKey()).value(figure.getValue());
        }
        json.endObject();
        json.name("targets").beginArray();
        for (Target target : report.targets()) {
            json.beginObject();
            json.name("id").value(target.id());
            json.name("step").value(target.step());
            json.name("rule").value(target.rule());
            json.name("verdict").value(target.verdict().label());
            json.name("value").value(target.value());
            json.name("limit").value(target.limit());
            json.name("detail").value(target.detail());
            json.endObject();
        }
        json.endArray();
        json.endObject();
        json.finish();
    }

    private static void company(JsonWriter json, CompanySize size) throws IOException {
        json.name("company").beginObject();
        json.name("products").value(size.products());
        json.name("priceLists").value(size.priceLists());
        json.name("priceListRows").value(size.priceListRows());
        json.name("agents").value(size.agents());
        json.name("customers").value(size.customers());
        json.name("specialPrices").value(size.specialPrices());
        json.name("ordersPerAgent").value(size.ordersPerAgent());
        json.name("linesPerOrder").value(size.linesPerOrder());
        json.name("firstSyncRows").value(size.firstSyncRows());
        json.endObject();
    }

    private static void step(JsonWriter json, StepResult step) throws IOException {
        boolean measured = step.isMeasured();
        json.beginObject();
        json.name("id").value(step.id());
        json.name("title").value(step.title());
        json.name("status").value(step.status().name().toLowerCase(Locale.ROOT));
        json.name("reason").value(step.reason());
        json.name("runs").value(step.runs());
        json.name("medianSeconds").value(measured ? step.medianSeconds() : null);
        json.name("rows").value(measured ? step.rows() : null);
        json.name("rowsPerSecond").value(measured ? step.rowsPerSecond() : null);
        json.name("bytesUploaded").value(measured ? step.bytesUploaded() : null);
        json.name("bytesDownloaded").value(measured ? step.bytesDownloaded() : null);
        json.name("peakHeapBytes").value(measured ? step.peakHeapBytes() : null);
        json.name("peakLiveHeapBytes").value(measured && step.peakLiveBytes() >= 0 ? step.peakLiveBytes() : null);
        json.name("trials").beginArray();
        for (TrialFigures trial : step.trials()) {
            json.beginObject();
            json.name("seconds").value(trial.nanos() / 1e9);
            json.name("rows").value(trial.rows());
            json.name("bytesUploaded").value(trial.bytesUploaded());
            json.name("bytesDownloaded").value(trial.bytesDownloaded());
            json.name("peakHeapBytes").value(trial.peakHeapBytes());
            json.name("peakLiveHeapBytes").value(trial.peakLiveBytes() >= 0 ? trial.peakLiveBytes() : null);
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }
}
