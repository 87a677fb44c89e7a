package io.sincro.sync;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

import io.sincro.format.PackageStream;

/**
 * What a station's database had reached at its last sync, kept outside it in the station folder's
 * {@code sync.state}: the highest package written and imported in each stream. A database found
 * behind it went back (restored from a backup, or made again) while the folder stayed: the numbers
 * above were used by the database that was lost. A plain properties file (the JDK's), so an
 * administrator can read it.
 *
 * @param station  the station code it was written by ({@code HQ} or an agent's)
 * @param epoch    the database's identity then
 * @param written  per stream, the highest package written
 * @param imported per stream, the highest package imported
 */
record LedgerRecord(String station, String epoch, Map<PackageStream, Long> written,
                    Map<PackageStream, Long> imported) {

    private static final String WRITTEN = "written.";
    private static final String IMPORTED = "imported.";

    LedgerRecord {
        written = Map.copyOf(written);
        imported = Map.copyOf(imported);
    }

    /**
     * The record in {@code file}; empty when there is none yet, or what it holds is no record (the
     * sync writes it again).
     *
     * @throws UncheckedIOException when the file is there and cannot be read, naming it
     */
    static Optional<LedgerRecord> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file + ": " + e.getMessage(), e);
        }
        String station = p.getProperty("station");
        String epoch = p.getProperty("epoch", "");
        if (station == null) {
            return Optional.empty();
        }
        Map<PackageStream, Long> written = new TreeMap<>(Comparator.comparing(PackageStream::id));
        Map<PackageStream, Long> imported = new TreeMap<>(Comparator.comparing(PackageStream::id));
        for (String key : p.stringPropertyNames()) {
            Map<PackageStream, Long> into = key.startsWith(WRITTEN) ? written : key.startsWith(IMPORTED) ? imported : null;
            if (into == null) {
                continue;
            }
            Optional<PackageStream> stream = PackageStream.parse(key.substring(key.indexOf('.') + 1));
            try {
                long sequence = Long.parseLong(p.getProperty(key).trim());
                stream.ifPresent(s -> into.put(s, sequence));
            } catch (NumberFormatException e) {
                // a figure no sync wrote: left out, the next sync writes the file again
            }
        }
        return Optional.of(new LedgerRecord(station, epoch, written, imported));
    }

    /** Writes the record into {@code file}, whole or not at all (a temporary file renamed over it). */
    void write(Path file) {
        Properties p = new Properties();
        p.setProperty("station", station);
        p.setProperty("epoch", epoch);
        written.forEach((stream, n) -> p.setProperty(WRITTEN + stream.id(), Long.toString(n)));
        imported.forEach((stream, n) -> p.setProperty(IMPORTED + stream.id(), Long.toString(n)));
        Path temporary = file.resolveSibling(file.getFileName() + ".part");
        try {
            try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                p.store(out, " Sincro: what this station's database had reached at its last sync (docs/ARCHITECTURE.md,"
                        + " \"A restored station\"); a database found behind it was restored from a backup");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
        }
    }
}
