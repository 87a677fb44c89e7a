package io.sincro.bench.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A folder kept as it was at one moment (a station with its closed database, a mailbox), from
 * which every run of a step gets a fresh copy. A Derby database is copied only while closed: then
 * its folder is the whole database.
 */
public record Snapshot(Path folder) {

    /** Copies {@code source} to {@code where} (which must not exist) and keeps it as a snapshot. */
    public static Snapshot take(Path source, Path where) {
        copy(source, where);
        return new Snapshot(where);
    }

    /** Moves {@code source} to {@code where} (which must not exist) and keeps it as a snapshot. */
    public static Snapshot adopt(Path source, Path where) {
        try {
            Files.createDirectories(where.getParent());
            Files.move(source, where, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + source + " to " + where + ": " + e.getMessage(), e);
        }
        return new Snapshot(where);
    }

    /** A fresh copy in {@code target}, which must not exist; returns {@code target}. */
    public Path copyTo(Path target) {
        copy(folder, target);
        return target;
    }

    /** Deletes a folder and everything in it; a folder that is not there is fine. */
    public static void remove(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException e) {
            // removed meanwhile: what was wanted
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + folder + ": " + e.getMessage(), e);
        }
    }

    private static void copy(Path source, Path target) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir)));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file)), StandardCopyOption.COPY_ATTRIBUTES);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("could not copy " + source + " to " + target + ": " + e.getMessage(), e);
        }
    }
}
