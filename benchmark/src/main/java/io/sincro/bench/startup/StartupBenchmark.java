package io.sincro.bench.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import io.sincro.bench.company.SyntheticCompany;
import io.sincro.bench.sync.SyncFixture;

/**
 * The wall time of short commands, each a process of its own as a user runs it, at agent A001's
 * station after its first sync (size small): {@code --version}, {@code price} and {@code product
 * search}, through the station's own launcher as {@code hq prepare-agent} writes it (the
 * application jar in {@code app/}, the class-data archive its first run makes), and for comparison
 * with a plain {@code java -jar}. Each is run once untimed, then {@value #RUNS} times; the median
 * is judged against its target.
 */
public final class StartupBenchmark {

    static final int RUNS = 5;
    /** A guard against a hung process only: nothing is judged by it. */
    private static final int GUARD_SECONDS = 300;
    private static final String LAUNCHER = "io/sincro/app/launch/sincro";

    /** One command measured both ways. */
    public record Figure(String command, double limitSeconds, List<Long> launcherNanos, List<Long> plainNanos) {

        static double median(List<Long> nanos) {
            long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
            int middle = sorted.length / 2;
            return (sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2) / 1e9;
        }

        public boolean met() {
            return median(launcherNanos) <= limitSeconds;
        }
    }

    private final SyncFixture fixture;
    private final SyntheticCompany company;
    private final Path jar;
    private final Path work;
    private final Consumer<String> progress;

    public StartupBenchmark(SyncFixture fixture, SyntheticCompany company, Path jar, Path work, Consumer<String> progress) {
        this.fixture = fixture;
        this.company = company;
        this.jar = jar.toAbsolutePath().normalize();
        this.work = work;
        this.progress = progress;
    }

    public List<Figure> run() {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no application jar at " + jar + "; build it (mvn package, or run"
                    + " scripts/sincro --version once) or name it with --jar");
        }
        String agent = company.agentCode(0);
        Path station = fixture.syncedStationFolder(agent).copyTo(work.resolve("startup").resolve(agent));
        install(station);
        Path launcher = station.resolve("sincro");
        Path elsewhere = createDirectories(work.resolve("startup").resolve("elsewhere"));
        String customer = company.customerCode(0, 0);
        String product = company.productCode(1);
        List<List<String>> commands = List.of(List.of("--version"), List.of("price", customer, product),
                List.of("product", "search", "Vite"));
        double[] limits = {0.3, 0.6, 0.6};
        progress.accept("startup: the launcher's first run makes the station's class-data archive (untimed)");
        time(elsewhere, station, prepend(launcher.toString(), List.of("status")));
        List<Figure> figures = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            List<String> args = commands.get(i);
            List<String> viaLauncher = prepend(launcher.toString(), args);
            List<String> plain = new ArrayList<>(List.of(java(), "-jar", station.resolve("app").resolve("sincro.jar")
                    .toString()));
            plain.addAll(args);
            if (!args.get(0).equals("--version")) {
                plain.addAll(List.of("--config", station.toString()));
            }
            time(elsewhere, station, viaLauncher);
            time(elsewhere, station, plain);
            List<Long> launched = new ArrayList<>();
            List<Long> plainRuns = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                launched.add(time(elsewhere, station, viaLauncher));
                plainRuns.add(time(elsewhere, station, plain));
            }
            Figure figure = new Figure("sincro " + String.join(" ", args), limits[i], launched, plainRuns);
            progress.accept(String.format(Locale.ROOT, "startup: %s: %.3f s through the launcher, %.3f s with java -jar",
                    figure.command(), Figure.median(launched), Figure.median(plainRuns)));
            figures.add(figure);
        }
        return figures;
    }

    /** What {@code hq prepare-agent} puts in a station: the jar in app/, the launcher beside the settings. */
    private void install(Path station) {
        try {
            Path app = Files.createDirectories(station.resolve("app"));
            Files.copy(jar, app.resolve("sincro.jar"), StandardCopyOption.REPLACE_EXISTING);
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                ZipEntry entry = zip.getEntry(LAUNCHER);
                if (entry == null) {
                    throw new IllegalArgumentException(jar + " holds no station launcher (" + LAUNCHER + "): it is"
                            + " older than this benchmark; build it again");
                }
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, station.resolve("sincro"), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.setPosixFilePermissions(station.resolve("sincro"), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (IOException e) {
            throw new UncheckedIOException("could not put the application into " + station + ": " + e.getMessage(), e);
        }
    }

    /** Runs one command to its end, from {@code where}; its wall time, start to exit. */
    private long time(Path where, Path station, List<String> command) {
        try {
            Path output = work.resolve("startup").resolve("output.txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(where.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().remove("SINCRO_JAVA_OPTS");
            builder.environment().remove("SINCRO_CONFIG");
            long start = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(GUARD_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within " + GUARD_SECONDS + " s");
            }
            long nanos = System.nanoTime() - start;
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " at " + station + " exited "
                        + process.exitValue() + ": " + Files.readString(output, StandardCharsets.UTF_8).strip());
            }
            return nanos;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }

    /** Prints the figures and their verdicts. */
    public static void print(List<Figure> figures, PrintStream out) {
        out.printf(Locale.ROOT, "Sincro benchmark: short commands, each a process of its own (median of %d, wall time),"
                + " Java %s, %d processors, load average %s%n%n", RUNS, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadAverage());
        out.printf(Locale.ROOT, "%-36s %14s %14s %8s  %s%n", "command", "launcher s", "java -jar s", "target", "verdict");
        for (Figure f : figures) {
            out.printf(Locale.ROOT, "%-36s %14.3f %14.3f %8s  %s%n", f.command(), Figure.median(f.launcherNanos()),
                    Figure.median(f.plainNanos()), String.format(Locale.ROOT, "%.1f s", f.limitSeconds()),
                    f.met() ? "met" : "not met");
        }
        out.printf("%nThe launcher is the station's own (hq prepare-agent writes it): its class-data archive, and the"
                + " first tier of the JIT only for short commands.%n");
    }

    private static String loadAverage() {
        try {
            return String.join(" ", Arrays.asList(Files.readString(Path.of("/proc/loadavg")).strip().split(" "))
                    .subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private static Path createDirectories(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
