package io.sincro.sync.crash;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A station's sync in a JVM of its own: the same java and classpath as this test, and none of
 * this JVM's system properties, so Derby runs with its normal durability (surefire's
 * {@code derby.system.durability=test} skips the disk syncs a crash test is about). Its output
 * goes to a file that failure messages show.
 */
final class StationProcess {

    /** Long enough for a JVM to start and sync a big package on a slow machine; nothing hangs past it. */
    private static final long TIMEOUT_SECONDS = 90;

    private final Process process;
    private final Path log;

    private StationProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    static StationProcess start(Path log, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-Xmx256m");
        // a station process lives seconds: the quick compiler alone and the serial collector start it sooner
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(classpath());
        command.add(main.getName());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        try {
            return new StationProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + command, e);
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The test classpath. Failsafe and surefire start their JVM from a jar whose manifest lists it,
     * and say where the real entries are; either way the child finds the same classes.
     */
    private static String classpath() {
        String real = System.getProperty("surefire.test.class.path");
        return real != null && !real.isBlank() ? real : System.getProperty("java.class.path");
    }

    /** Waits for the process to end by itself and returns its exit code; kills it and fails after the timeout. */
    int awaitExit() {
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                kill();
                throw new AssertionError("the station's process did not end within " + TIMEOUT_SECONDS + " s; its output:\n"
                        + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill();
            throw new AssertionError("interrupted while waiting for the station's process", e);
        }
        return process.exitValue();
    }

    /** Kills the process the hard way (SIGKILL: no shutdown hook, no Derby shutdown) and waits until it is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                throw new AssertionError("the station's process " + process.pid() + " outlived a SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** What the process printed so far, for failure messages. */
    String output() {
        try {
            return log + ":\n" + Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    @Override
    public String toString() {
        return "station process " + process.pid() + " (" + log.getFileName() + ")";
    }
}
