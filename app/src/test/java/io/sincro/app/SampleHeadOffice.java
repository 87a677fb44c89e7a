package io.sincro.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.LoggerContext;

import io.sincro.app.CliRun.Result;
import io.sincro.db.testing.TestClock;
import io.sincro.db.testing.Templates;
import io.sincro.testing.SampleCompany;

/**
 * The sample company's head office as the command line makes it, at 08:00 UTC on 2 March 2026:
 * {@code sincro hq init}, then {@code sincro hq import} of every kind of file in scripts/sample.
 * Made once per JVM by the real commands and copied for each caller, log file included
 * ({@link Templates}).
 */
public final class SampleHeadOffice {

    /** The kinds of file, in the order they load. */
    public static final List<String> KINDS = List.of("agents", "products", "price-lists", "customers",
            "special-prices", "stock");
    /** When the head office was made. */
    public static final String AT = "2026-03-02T08:00:00Z";

    private SampleHeadOffice() {
    }

    /** Puts the head office's station folder in {@code folder}; returns it. */
    public static Path copyTo(Path folder) {
        Templates.copy("the sample head office made by the command line at " + AT, made -> make(made, ""), folder);
        return folder;
    }

    /**
     * The same head office with {@link LoopbackStations#SETTINGS} added to its settings right after
     * {@code hq init}, so agents it prepares use the loopback mailbox too.
     */
    public static Path withLoopbackMailbox(Path folder) {
        Templates.copy("the sample head office made by the command line at " + AT + " with the loopback mailbox",
                made -> make(made, LoopbackStations.SETTINGS), folder);
        return folder;
    }

    private static void make(Path folder, String settings) throws IOException {
        Files.createDirectories(folder);
        CliRun sincro = new CliRun(folder, TestClock.at(AT));
        ok(sincro.run("hq", "init"));
        Files.writeString(folder.resolve("sincro.properties"), settings, StandardOpenOption.APPEND);
        for (String kind : KINDS) {
            ok(sincro.run("hq", "import", kind, SampleCompany.csv(kind).toString()));
        }
        // the commands log into the station folder: close that file, so the template stays as they left it
        ((LoggerContext) LoggerFactory.getILoggerFactory()).reset();
    }

    private static void ok(Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException(result.toString());
        }
    }
}
