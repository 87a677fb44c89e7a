package io.sincro.app.ui;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine;

import io.sincro.app.SincroCommand;
import io.sincro.app.cli.AppEnvironment;
import io.sincro.db.testing.TestClock;

/**
 * {@code sincro ui --no-browser} running at a station on a thread of this JVM, as a user runs it:
 * the real command, the real settings and mailbox; {@link #close} stops it as Ctrl-C does.
 */
final class RunningUi implements AutoCloseable {

    private static final Pattern ADDRESS = Pattern.compile("is at (http://127\\.0\\.0\\.1:\\d+/start\\?key=\\S+)");

    private final Thread thread;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final AtomicInteger exit = new AtomicInteger(-1);
    private final URI startAddress;

    RunningUi(Path station, TestClock clock, Map<String, String> variables) {
        CommandLine cli = SincroCommand.commandLine(new AppEnvironment(clock, variables, station));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        thread = new Thread(() -> exit.set(cli.execute("ui", "--no-browser")), "sincro-ui-" + station.getFileName());
        thread.start();
        startAddress = printedAddress();
    }

    /** The address {@code sincro ui} printed, with this run's key. */
    URI startAddress() {
        return startAddress;
    }

    /** What the command printed so far. */
    String output() {
        return out + "" + err;
    }

    /** Stops the command and returns its exit code. */
    int stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
        return exit.get();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private URI printedAddress() {
        try {
            while (thread.isAlive()) {
                Matcher m = ADDRESS.matcher(out.toString());
                if (m.find()) {
                    return URI.create(m.group(1));
                }
                Thread.sleep(50);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new AssertionError("sincro ui ended without serving: " + output());
    }
}
