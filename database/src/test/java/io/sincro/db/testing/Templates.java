package io.sincro.db.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Folders made once per JVM and copied for every test that starts from them. A closed Derby
 * database is a plain folder: copying one takes a fraction of what creating, migrating and filling
 * it again does.
 *
 * <p>A template is made by the real code (Database.create, the CSV import, prepare-agent, a sync),
 * so a copy holds exactly what that code made. It is made once per name: the name says everything
 * the content depends on (the station, the clock's instant, the agents prepared, ...).
 *
 * <p>This is the JVM's one cache of templates, shared by every test the JVM runs: a map from name
 * to folder, in a temporary folder removed when the JVM ends. Making a template holds the cache's
 * lock, so tests running side by side wait for it and then share it. Each surefire or failsafe fork
 * is a JVM of its own with a cache of its own, so forks share no folder.
 */
public final class Templates {

    /** Makes a template. */
    @FunctionalInterface
    public interface Maker {
        /**
         * Makes the template in {@code folder}, which does not exist yet (its parent does); every
         * database in it must be closed on return.
         */
        void make(Path folder) throws Exception;
    }

    private static final Map<String, Path> MADE = new HashMap<>();
    private static Path home;
    private static int folders;

    private Templates() {
    }

    /**
     * Copies template {@code name} into {@code target} (a new or empty folder), having
     * {@code maker} make the template first if this JVM has not made it yet.
     */
    public static void copy(String name, Maker maker, Path target) {
        copyFolder(template(name, maker), target);
    }

    /**
     * Template {@code name}, made by {@code maker} if this JVM has not made it yet; to read, never to
     * change. A maker may use other templates.
     */
    public static synchronized Path template(String name, Maker maker) {
        Path made = MADE.get(name);
        if (made == null) {
            // a maker may make other templates meanwhile: each has a folder of its own
            Path folder = home().resolve(String.valueOf(++folders));
            try {
                maker.make(folder);
            } catch (Exception e) {
                delete(folder);
                throw new IllegalStateException("the test template '" + name + "' could not be made: " + e, e);
            }
            if (!Files.isDirectory(folder)) {
                throw new IllegalStateException("the maker of the test template '" + name + "' made no folder");
            }
            made = folder;
            MADE.put(name, made);
        }
        return made;
    }

    /** Copies every file and folder of {@code from} into {@code to}, which is made if missing. */
    public static void copyFolder(Path from, Path to) {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + from + " to " + to, e);
        }
    }

    /** Removes {@code folder} and everything in it; what cannot go stays for the system's temporary-file cleaning. */
    public static void delete(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover in the temporary folder is not worth failing a test for
        }
    }

    private static Path home() {
        if (home == null) {
            try {
                home = Files.createTempDirectory("sincro-templates-");
            } catch (IOException e) {
                throw new UncheckedIOException("no temporary folder for the test templates", e);
            }
            Path made = home;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(made), "sincro-templates-cleanup"));
        }
        return home;
    }
}
