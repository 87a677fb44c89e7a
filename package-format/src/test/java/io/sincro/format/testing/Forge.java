package io.sincro.format.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.sincro.format.seal.Seal;

/**
 * Package files made by hand, as a careless or hostile third party would: any zip entries, any XML,
 * sealed correctly so the checks after the seal are what a test exercises.
 */
public final class Forge {

    private Forge() {
    }

    /** A minimal valid document of stream {@code stream}, package {@code sequence}, with {@code body} after the header. */
    public static String document(String stream, String sender, String recipient, long sequence, String counts,
                                  String body) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <sincroPackage formatVersion="1">
                <header><stream>%s</stream><sender>%s</sender><recipient>%s</recipient><sequence>%d</sequence>\
                <kind>FULL</kind><createdAt>2026-03-02T08:00:00Z</createdAt>\
                <senderClock>2026-03-02T08:00:00Z</senderClock>%s</header>
                %s
                </sincroPackage>
                """.formatted(stream, sender, recipient, sequence, counts, body);
    }

    /** A zip named {@code name} in {@code dir} holding exactly {@code entries}, in order. */
    public static Path zip(Path dir, String name, Map<String, byte[]> entries) {
        Path file = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** A package named {@code name} whose package.xml is {@code xml}, with a seal that matches it. */
    public static Path sealed(Path dir, String name, String xml) {
        return sealed(dir, name, xml.getBytes(StandardCharsets.UTF_8));
    }

    public static Path sealed(Path dir, String name, byte[] content) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package.xml", content);
        entries.put("package.seal", seal(content).toBytes());
        return zip(dir, name, entries);
    }

    public static Seal seal(byte[] content) {
        try {
            return Seal.of("SHA-256", null, content.length, MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The entries of a package file, in order. */
    public static Map<String, byte[]> entries(Path file) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(file))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    /** The document inside a package file. */
    public static String content(Path file) {
        return new String(entries(file).get("package.xml"), StandardCharsets.UTF_8);
    }
}
