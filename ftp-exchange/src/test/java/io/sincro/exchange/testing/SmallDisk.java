package io.sincro.exchange.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small disk of its own (tmpfs) mounted on a folder, to fill for real: the tests of what a full
 * disk does. Mounting needs root; where it is not permitted the test is skipped with the reason,
 * unless {@code SINCRO_FAULTS_REQUIRED} is set (CI, which runs as root), where that is a failure.
 */
public final class SmallDisk implements AutoCloseable {

    public static final String REQUIRED = "SINCRO_FAULTS_REQUIRED";
    private static final String FILL = "fill";
    private static final String RESERVE = "reserve";

    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    /** Mounts a tmpfs of {@code megabytes} on {@code folder} (made if missing). */
    public static SmallDisk mount(Path folder, int megabytes) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Result mounted = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", folder.toString());
        if (mounted.code != 0) {
            refuse("a full disk cannot be made here: mount -t tmpfs on " + folder + " failed (" + mounted.output.strip()
                    + "); these tests need root, as in CI");
        }
        return new SmallDisk(folder);
    }

    /**
     * Runs the test only as root, or says why not: root is needed to mount a disk or to run a
     * process as another user; CI runs as root and sets {@value #REQUIRED}, so there it fails instead.
     */
    public static void requireRoot(String why) {
        if (!"root".equals(System.getProperty("user.name"))) {
            refuse(why + " needs root (this is " + System.getProperty("user.name") + "), as in CI");
        }
    }

    private static void refuse(String why) {
        if (System.getenv(REQUIRED) != null) {
            Assertions.fail(why + "; " + REQUIRED + " is set");
        }
        Assumptions.abort(why);
    }

    public Path folder() {
        return folder;
    }

    /** Fills the disk, leaving about {@code bytes} free (rounded to its pages). */
    public void fillLeaving(long bytes) {
        try {
            Path reserve = folder.resolve(RESERVE);
            if (bytes > 0) {
                Files.write(reserve, new byte[(int) bytes]);
            }
            byte[] block = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(folder.resolve(FILL))) {
                while (true) {
                    out.write(block);
                }
            } catch (IOException full) {
                // the disk is full: what the fill is for
                if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                    throw full;
                }
            }
            byte[] smaller = new byte[4096];
            try (OutputStream out = Files.newOutputStream(folder.resolve(FILL + "-pages"))) {
                while (true) {
                    out.write(smaller);
                    out.flush();
                }
            } catch (IOException full) {
                if (!String.valueOf(full.getMessage()).contains("No space left on device")) {
                    throw full;
                }
            }
            Files.deleteIfExists(reserve);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes what {@link #fillLeaving} wrote: the fault is gone. */
    public void empty() {
        try {
            Files.deleteIfExists(folder.resolve(FILL));
            Files.deleteIfExists(folder.resolve(FILL + "-pages"));
            Files.deleteIfExists(folder.resolve(RESERVE));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Free bytes on the disk now. */
    public long free() {
        try {
            return Files.getFileStore(folder).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Unmounts the disk (lazily, should a process still hold a file there); what it held is gone. */
    @Override
    public void close() {
        run("umount", "-l", folder.toString());
    }

    /** Runs a command of this computer's and returns its exit code and output. */
    public static Result run(String... command) {
        List<String> args = new ArrayList<>(List.of(command));
        try {
            Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Result(-1, output + " (did not end within 60 s)");
            }
            return new Result(process.exitValue(), output);
        } catch (IOException e) {
            return new Result(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "interrupted");
        }
    }

    /** What a command did. */
    public record Result(int code, String output) {
    }
}
