package io.sincro.app.ui;

import java.io.PrintWriter;
import java.security.SecureRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import io.sincro.app.cli.AppEnvironment;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.StationOptions;
import io.sincro.db.Database;
import io.sincro.web.WebApp;

/**
 * {@code sincro ui}: serves the station's pages on 127.0.0.1 and opens them in the default browser,
 * until Ctrl-C. The station is held meanwhile, as by any command, but {@code sincro sync} and
 * {@code sincro status} run at it are handed to this ui ({@link Handoffs}) and run in here; other
 * commands are refused, naming sincro ui and what to do, until it stops.
 */
@Command(name = "ui",
        mixinStandardHelpOptions = true,
        description = {
            "Opens the station's pages in the default browser, served from this computer only (127.0.0.1), until"
                    + " Ctrl-C.",
            "Only the browser that opens the printed address can use them: it holds a key made for this run."
        })
public final class UiCommand implements Callable<Integer> {

    @Mixin
    private StationOptions options;

    @Spec
    private CommandSpec spec;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "0",
            description = "The port on 127.0.0.1 to serve on (default: a free one).")
    private int port;

    @Option(names = "--no-browser", description = "Only print the address to open; start no browser.")
    private boolean noBrowser;

    private final AppEnvironment environment;

    UiCommand(AppEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        if (port < 0 || port > 65_535) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--port " + port + " is not a port: give one from 1 to 65535, or leave --port out for a free one");
        }
        // the home page shows how old the data is: no warning on the terminal
        StationFolder station = StationFolder.open(options, environment).withoutStaleDataWarning();
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // Ctrl-C: the hook lets the pages and the database close before the JVM ends
        Thread hook = new Thread(() -> {
            stopped.countDown();
            awaitQuietly(closed);
        }, "sincro-ui-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        // closed in reverse: the handoffs stop taking commands, the pages' and handed syncs end and their answers
        // reach their callers, then the handoffs' server, the pages' and the database close
        try (Database database = station.openDatabase();
                StationPages pages = new StationPages(database, station.settings(), environment);
                WebApp app = WebApp.start(pages, port);
                Handoffs handoffs = Handoffs.start(station, database, pages, new SecureRandom())) {
            out.println("Sincro for " + database.station() + " is at " + app.startAddress());
            out.println("Open that address in your browser (it holds this run's key); Ctrl-C stops Sincro.");
            out.println("Meanwhile sincro sync and sincro status at this station run in here; other commands wait"
                    + " until it stops.");
            out.flush();
            if (!noBrowser) {
                DefaultBrowser.open(app.startAddress()).ifPresent(problem -> {
                    out.println(problem + "; open the address above yourself.");
                    out.flush();
                });
            }
            stopped.await();
        } catch (InterruptedException e) {
            // stopped from within this process (a test), as Ctrl-C stops it from without
            Thread.currentThread().interrupt();
        } finally {
            closed.countDown();
            removeHook(hook);
        }
        return 0;
    }

    private static void awaitQuietly(CountDownLatch closed) {
        try {
            closed.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl-C: the hook is running, which is how this run ends
        }
    }
}
