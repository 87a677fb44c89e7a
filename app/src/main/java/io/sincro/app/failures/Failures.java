package io.sincro.app.failures;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.sincro.app.failures.Fault.Kind;
import io.sincro.db.DatabaseException;
import io.sincro.exchange.MailboxException;

/**
 * Names the fault of the machine under a failure from what the platform said about it: the
 * operating system's error text (Java passes {@code errno} on as "No space left on device"),
 * the kind of {@link FileSystemException}, and Derby's SQLStates. Nothing is guessed from
 * Sincro's own wording: a failure the platform did not name is left to the caller.
 */
public final class Failures {

    // errno texts as the JDK passes them on (strerror): ENOSPC, EDQUOT, EROFS, EACCES, EPERM
    private static final List<String> DISK_FULL = List.of("no space left on device", "disk quota exceeded",
            "there is not enough space on the disk");
    private static final String READ_ONLY = "read-only file system";
    private static final List<String> DENIED = List.of("permission denied", "access is denied",
            "operation not permitted");
    /** FileOutputStream says "PATH (Permission denied)". */
    private static final Pattern FILE_AND_REASON = Pattern.compile("^(.+) \\(([^()]+)\\)$");

    /** Derby: "An SQL data change is not permitted for a read-only connection, user or database." */
    private static final Set<String> DERBY_READ_ONLY = Set.of("25502", "25503", "25505", "40XD1");
    /**
     * Derby's own words name a full disk or quota as the cause: a page that could not be written
     * (XSDG1), the log that could not be written (XSLA4), a new page that could not be made (XSDFI).
     */
    private static final Set<String> DERBY_DISK_FULL = Set.of("XSDG1", "XSLA4", "XSDFI");
    /** Another program holds the database (XSDB6), or a newer Derby wrote it (XSLAN): no fault of the machine. */
    private static final Set<String> DERBY_IN_USE = Set.of("XSDB6", "XSLAN");
    /** The log's and the data files' write failures: a full disk or a permission as often as damage. */
    private static final List<String> DERBY_WRITE_PREFIXES = List.of("XSLA", "XSLB", "XSDF");
    /** Storage-layer states (raw store, data, B-tree, heap) and inconsistencies found by SYSCS_CHECK_TABLE. */
    private static final List<String> DERBY_DAMAGED_PREFIXES = List.of("XSDA", "XSDB", "XSDG", "XSCB", "XSCH", "XSRS",
            "X0Y55", "X0Y56", "X0X61", "X0X62", "X0Y60", "XBM0");

    private static final int PROBE_BYTES = 8192;

    private Failures() {
    }

    /**
     * The fault under {@code failure}, when the platform named one.
     *
     * @param retry    what to run once it is fixed ("sincro sync")
     * @param fallback where to say the fault was when the platform gave no path (the station folder), or null
     */
    public static Optional<Fault> of(Throwable failure, String retry, Path fallback) {
        List<Throwable> chain = chain(failure);
        if (chain.stream().anyMatch(t -> t instanceof MailboxException m && m.reply().isPresent())) {
            // the mailbox already explained its server's replies; "550 Permission denied" is not this computer's
            return Optional.empty();
        }
        Optional<Path> database = chain.stream().filter(DatabaseException.class::isInstance)
                .map(t -> ((DatabaseException) t).directory()).flatMap(Optional::stream).findFirst();
        Optional<Path> place = pathIn(chain).or(() -> database).or(() -> Optional.ofNullable(fallback));
        for (Throwable t : chain) {
            if (!(t instanceof IOException || t instanceof UncheckedIOException || t instanceof SQLException)) {
                continue;
            }
            String text = text(t);
            if (containsAny(text, DISK_FULL)) {
                return Optional.of(diskFull(place, retry));
            }
            if (text.contains(READ_ONLY)) {
                return Optional.of(readOnlyDisk(place, retry));
            }
            if (t instanceof AccessDeniedException || containsAny(text, DENIED)) {
                return Optional.of(noPermission(place, retry));
            }
        }
        for (Throwable t : chain) {
            if (!(t instanceof SQLException sql) || sql.getSQLState() == null) {
                continue;
            }
            String state = sql.getSQLState();
            Optional<Path> where = database.or(() -> place);
            if (DERBY_IN_USE.contains(state)) {
                return Optional.empty();
            }
            if (DERBY_READ_ONLY.contains(state)) {
                // Derby opens a database read-only when it cannot write in its folder: the folder says why
                return Optional.of(whyNotWritable(where, retry).orElseGet(() -> databaseReadOnly(where, retry)));
            }
            if (DERBY_DISK_FULL.contains(state)) {
                return Optional.of(diskFull(where, retry));
            }
            if (DERBY_WRITE_PREFIXES.stream().anyMatch(state::startsWith)) {
                // the log or a file could not be written, without the reason in Derby's chain ("Log
                // Record has been sent to the stream, but it cannot be applied to the store"): the
                // folder says whether it is the disk or a permission, else the database is damaged
                return Optional.of(whyNotWritable(where, retry).orElseGet(() -> databaseDamaged(where, sql)));
            }
            if (DERBY_DAMAGED_PREFIXES.stream().anyMatch(state::startsWith)) {
                return Optional.of(databaseDamaged(where, sql));
            }
        }
        return Optional.empty();
    }

    /**
     * Why a file could not be read or written, to continue "could not read X: ": the platform's
     * cause in words and what to do, or the platform's own message when it named nothing known.
     */
    public static String reason(IOException e) {
        return reason(e, "read");
    }

    /** Why a file could not be written, to continue "could not write X: ", like {@link #reason}. */
    public static String writeReason(IOException e) {
        return reason(e, "write");
    }

    private static String reason(IOException e, String access) {
        String text = text(e);
        if (containsAny(text, DISK_FULL)) {
            return "the disk is full; free space on it";
        }
        if (text.contains(READ_ONLY)) {
            return "the disk is read-only; make it writable";
        }
        if (e instanceof AccessDeniedException || containsAny(text, DENIED)) {
            return "this computer's user " + user() + " may not " + access + " it (permission denied); give that user"
                    + " the right to " + access + " it (or run Sincro as the user who owns it)";
        }
        if (e instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        if (e instanceof java.nio.charset.CharacterCodingException) {
            return "it is not UTF-8 text; save it again as UTF-8";
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    /** Free space of the disk holding {@code path} (or its nearest existing parent), if it can be told. */
    public static Optional<Long> usableSpace(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    FileStore store = Files.getFileStore(p);
                    return Optional.of(store.getUsableSpace());
                } catch (IOException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** "1.5 MB", "300 KB", "12 GB": a size as a person reads it. */
    public static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return (value < 10 ? String.format(Locale.ROOT, "%.1f", value) : String.valueOf(Math.round(value)))
                + " " + units[unit];
    }

    /** The user this program runs as, as the operating system calls it. */
    public static String user() {
        return System.getProperty("user.name", "this user");
    }

    /** The fault a file made now in {@code folder} runs into, if it runs into one the platform names. */
    private static Optional<Fault> whyNotWritable(Optional<Path> folder, String retry) {
        if (folder.isEmpty() || !Files.isDirectory(folder.get())) {
            return Optional.empty();
        }
        try {
            Path probe = Files.createTempFile(folder.get(), ".sincro-probe", ".tmp");
            try {
                // a page's worth: an empty file takes no room, so a full disk would let it be made
                Files.write(probe, new byte[PROBE_BYTES]);
            } finally {
                Files.deleteIfExists(probe);
            }
            return Optional.empty();
        } catch (IOException e) {
            return of(e, retry, folder.get());
        }
    }

    private static Fault diskFull(Optional<Path> place, String retry) {
        String where = place.map(p -> " that holds " + p).orElse("");
        String free = place.flatMap(Failures::usableSpace).map(b -> " (" + size(b) + " free now)").orElse("");
        return new Fault(Kind.DISK_FULL, place, "the disk of this computer" + where + " is full" + free
                + "; free space on it (remove files you do not need, empty the recycle bin), then run " + retry
                + " again");
    }

    private static Fault readOnlyDisk(Optional<Path> place, String retry) {
        String where = place.map(p -> " that holds " + p).orElse("");
        return new Fault(Kind.READ_ONLY_DISK, place, "the disk of this computer" + where + " is read-only"
                + "; make it writable (or move the station folder to a disk that is), then run " + retry + " again");
    }

    private static Fault noPermission(Optional<Path> place, String retry) {
        boolean file = place.filter(Files::isRegularFile).isPresent();
        String where = place.map(p -> (file ? " read or write " : " write in ") + p).orElse(" write in the station folder");
        return new Fault(Kind.NO_PERMISSION, place, "this computer's user " + user() + " may not" + where
                + " (permission denied); give " + user() + " the right to read and write " + (file ? "it" : "there")
                + " (or run Sincro as the user who owns the station folder), then run " + retry + " again");
    }

    private static Fault databaseReadOnly(Optional<Path> place, String retry) {
        String where = place.map(p -> " in " + p).orElse("");
        return new Fault(Kind.DATABASE_READ_ONLY, place, "the database" + where + " can only be read: this computer's"
                + " user " + user() + " may not write in its folder, or the disk is read-only; give " + user()
                + " the right to write in that folder and every file in it, then run " + retry + " again");
    }

    private static Fault databaseDamaged(Optional<Path> place, SQLException e) {
        String where = place.map(p -> " in " + p).orElse("");
        return new Fault(Kind.DATABASE_DAMAGED, place, "the database" + where + " is damaged (Derby says: "
                + oneLine(e.getMessage()) + " [SQLState " + e.getSQLState() + "]); keep a copy of the station folder"
                + " for support, then restore it from a backup or, at an agent station, have the head office prepare"
                + " it again (sincro hq prepare-agent)");
    }

    /**
     * The file or folder the platform named; for a file that could not be made, its folder, which
     * is what the person has to fix.
     */
    private static Optional<Path> pathIn(List<Throwable> chain) {
        for (Throwable t : chain) {
            String named = null;
            if (t instanceof FileSystemException fs && fs.getFile() != null) {
                named = fs.getFile();
            } else if (t instanceof FileNotFoundException && t.getMessage() != null) {
                Matcher m = FILE_AND_REASON.matcher(t.getMessage());
                named = m.matches() ? m.group(1) : null;
            }
            if (named != null) {
                Path path = Path.of(named).toAbsolutePath();
                return Optional.of(Files.exists(path) || path.getParent() == null ? path : path.getParent());
            }
        }
        return Optional.empty();
    }

    /** The failure, its causes and Derby's chained exceptions, each once. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = new LinkedHashSet<>();
        List<Throwable> todo = new ArrayList<>(List.of(failure));
        while (!todo.isEmpty() && seen.size() < 50) {
            Throwable t = todo.remove(0);
            if (t == null || !seen.add(t)) {
                continue;
            }
            todo.add(t.getCause());
            if (t instanceof SQLException sql) {
                todo.add(sql.getNextException());
            }
        }
        return List.copyOf(seen);
    }

    private static String text(Throwable t) {
        String text = t.getMessage() == null ? "" : t.getMessage();
        if (t instanceof FileSystemException fs && fs.getReason() != null) {
            text = fs.getReason();
        }
        return text.toLowerCase(Locale.ROOT);
    }

    private static boolean containsAny(String text, List<String> words) {
        return words.stream().anyMatch(text::contains);
    }

    private static String oneLine(String message) {
        String line = message == null ? "" : message.replaceAll("\\s+", " ").strip();
        // Derby follows a bad checksum with a dump of the page: the support person has the log for that
        int dump = line.indexOf(", page dump follows");
        line = dump < 0 ? line : line.substring(0, dump);
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
