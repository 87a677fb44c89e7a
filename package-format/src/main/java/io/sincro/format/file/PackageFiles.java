package io.sincro.format.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.ReadLimits;
import io.sincro.format.rows.PackageRows;
import io.sincro.format.seal.Seal;
import io.sincro.format.seal.Sealing;
import io.sincro.format.xml.PackageXml;

/**
 * Package files: a zip archive holding exactly {@code package.xml} (the document) and then
 * {@code package.seal} (its size and SHA-256). Zip rather than bare gzip because the seal needs a
 * place of its own next to the content, every operating system opens a zip, and a third party can
 * check a package with standard tools. Entry names are compared, never used as paths, so a hostile
 * archive ({@code ../../etc/passwd}) cannot lead anywhere.
 *
 * <p>Writing goes to a temporary name (never ending in .sincro), forced to disk, then renamed, so a
 * package is never seen half-written and never overwrites another. Reading takes two passes: the
 * first checks everything (seal, caps, XML safety, schema) and acts on nothing ({@link #verify}, or
 * {@link #verifySeal} and {@link #checkDocument} apart, so the importer can check the document while
 * it imports); the second reads the rows and seals them again, so a file changed in between is
 * caught before its transaction commits.
 */
public final class PackageFiles {

    static final String CONTENT_ENTRY = "package.xml";
    static final String SEAL_ENTRY = "package.seal";
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private final PackageXml xml;
    private final Sealing sealing;
    private final ReadLimits limits;

    public PackageFiles(PackageXml xml, Sealing sealing, ReadLimits limits) {
        this.xml = xml;
        this.sealing = sealing;
        this.limits = limits;
    }

    /**
     * Writes a package's rows into a {@link PackageRows}, in section order.
     *
     * @param <E> what producing the rows may throw (reading them from a database, say)
     */
    @FunctionalInterface
    public interface Content<E extends Exception> {
        void writeTo(PackageRows rows) throws E;
    }

    /**
     * Writes a package into {@code folder} under its final name; {@code header}'s counts are
     * replaced by what {@code content} wrote.
     *
     * @throws UncheckedIOException when the folder cannot be written, or a package of that name is
     *                              already there (sequence numbers are never reused)
     */
    public <E extends Exception> WrittenPackage write(Path folder, PackageHeader header, Content<E> content) throws E {
        PackageName name = header.name();
        Path target = name.in(folder);
        Path body = folder.resolve("." + name.fileName() + ".body");
        Path temporary = folder.resolve("." + name.fileName() + ".part");
        try {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "a package of that name is already"
                        + " there, and sequence numbers are never reused; nothing was overwritten");
            }
            PackageHeader complete;
            Seal seal;
            try (var writer = xml.writer(body)) {
                content.writeTo(writer);
                try (FileOutputStream file = new FileOutputStream(temporary.toFile());
                     ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(file, 1 << 16))) {
                    Sealing.Sealer sealer = sealing.start(header.stream());
                    zip.putNextEntry(entry(CONTENT_ENTRY, header));
                    SealingOutputStream sealed = new SealingOutputStream(zip, sealer);
                    complete = writer.finish(header, sealed);
                    sealed.flush();
                    zip.closeEntry();
                    seal = Seal.of(sealing.algorithm(), sealing.keyId(header.stream()), sealed.count(), sealer.finish());
                    zip.putNextEntry(entry(SEAL_ENTRY, header));
                    zip.write(seal.toBytes());
                    zip.closeEntry();
                    zip.finish();
                    zip.flush();
                    file.getChannel().force(true);
                }
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                Files.move(temporary, target);
            }
            return new WrittenPackage(target, name, complete, seal, Files.size(target));
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException("could not write package " + name + " in " + folder + ": "
                    + e.getMessage() + "; nothing was left under its name, check the folder and try again", e));
        } finally {
            deleteQuietly(temporary);
            deleteQuietly(body);
        }
    }

    private static ZipEntry entry(String name, PackageHeader header) {
        ZipEntry entry = new ZipEntry(name);
        // the same content gives the same bytes: the zip's times are the package's own
        entry.setLastModifiedTime(FileTime.from(header.createdAt()));
        return entry;
    }

    /**
     * The first pass: checks a package file from end to end without acting on anything.
     *
     * @throws PackageRefusedException saying what is wrong with it
     */
    public VerifiedPackage verify(Path file) {
        return verify(file, true);
    }

    /**
     * The first pass without the document's check: the name, the container, the content against its
     * seal (size and SHA-256) and the header against the name; {@link #checkDocument} does the rest,
     * which the importer runs beside the import (the XML check costs as much as reading the rows).
     *
     * @throws PackageRefusedException saying what is wrong with it
     */
    public VerifiedPackage verifySeal(Path file) {
        return verify(file, false);
    }

    /**
     * What {@link #verifySeal} leaves out: safe XML, valid against the schema, in a format version
     * this build reads.
     *
     * @throws PackageRefusedException saying what is wrong with the document
     */
    public void checkDocument(VerifiedPackage p) {
        String where = p.name().fileName();
        try (ZipInputStream zip = open(p.file())) {
            firstEntry(zip, p.file(), where);
            xml.check(zip, where, limits.maxElements());
        } catch (UncheckedIOException e) {
            throw truncated(where, e.getCause());
        } catch (IOException e) {
            throw truncated(where, e);
        }
    }

    private VerifiedPackage verify(Path file, boolean document) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        PackageName name = PackageName.parse(fileName).orElseThrow(() -> new PackageRefusedException(
                Reason.NOT_A_PACKAGE, "'" + printable(fileName) + "' is not a package name (such as"
                + " A01_to_HQ_000000042.sincro); it is not a Sincro package and was not opened"));
        String where = name.fileName();
        long size = size(file, where);
        if (size > limits.maxFileBytes()) {
            throw new PackageRefusedException(Reason.TOO_LARGE, "package " + where + " is " + size + " bytes, more than"
                    + " the cap of " + limits.maxFileBytes() + " for one package; it was refused unread, set it aside"
                    + " or raise the cap");
        }
        Seal seal;
        try (ZipInputStream zip = open(file)) {
            firstEntry(zip, file, where);
            SealingInputStream content = new SealingInputStream(zip, sealing.start(name.stream()),
                    limits.maxContentBytes(), where);
            PackageRefusedException xmlProblem = null;
            try {
                if (document) {
                    xml.check(content, where, limits.maxElements());
                }
            } catch (PackageRefusedException e) {
                if (e.reason() == Reason.TOO_LARGE) {
                    throw e;
                }
                // a damaged file often reads as bad XML too: the seal's verdict comes first
                xmlProblem = e;
            } catch (UncheckedIOException e) {
                throw truncated(where, e.getCause());
            }
            content.drain();
            seal = readSeal(zip, where);
            checkSeal(seal, content, where);
            if (xmlProblem != null) {
                throw xmlProblem;
            }
        } catch (IOException e) {
            throw truncated(where, e);
        }
        PackageHeader header = header(file, where);
        if (!header.name().equals(name)) {
            throw new PackageRefusedException(Reason.NOT_FOR_THIS_STATION, "package " + where + " says it is "
                    + header.name() + " inside: it was renamed or is foreign, so it was refused; set it aside");
        }
        return new VerifiedPackage(file, name, header, seal, size, document);
    }

    /**
     * The second pass, for an importer: the package's sections one at a time in the caller's thread,
     * read and checked by two others; see {@link PackageSections}.
     */
    public PackageSections sections(VerifiedPackage p) {
        return new PackageSections(this, p);
    }

    /**
     * The second pass: reads a verified package's rows into what {@code opener} returns for its
     * header, sealing the content again; a file that changed since {@link #verify} is refused when
     * its end is reached, so the caller's transaction rolls back.
     */
    public PackageHeader read(VerifiedPackage p, PackageXml.HeaderHandler opener) {
        String where = p.name().fileName();
        try (ZipInputStream zip = open(p.file())) {
            firstEntry(zip, p.file(), where);
            SealingInputStream content = new SealingInputStream(zip, sealing.start(p.name().stream()),
                    limits.maxContentBytes(), where);
            PackageHeader header;
            try {
                header = xml.read(content, where, limits.maxElements(), opener);
            } catch (UncheckedIOException e) {
                throw truncated(where, e.getCause());
            }
            content.drain();
            checkSeal(p.seal(), content, where);
            return header;
        } catch (IOException e) {
            throw truncated(where, e);
        }
    }

    private PackageHeader header(Path file, String where) {
        try (ZipInputStream zip = open(file)) {
            firstEntry(zip, file, where);
            // the first pass has checked the whole content; only its beginning is read here
            return xml.readHeader(zip, where);
        } catch (IOException e) {
            throw truncated(where, e);
        }
    }

    private static ZipInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new ZipInputStream(in);
    }

    private static void firstEntry(ZipInputStream zip, Path file, String where) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
            if (startsLikeZip(file)) {
                throw new EOFException("the archive ends before its first entry");
            }
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " is not a zip archive, so"
                    + " it is not a Sincro package (a foreign file under a package name); set it aside");
        }
        if (!CONTENT_ENTRY.equals(entry.getName())) {
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " starts with an entry named '"
                    + printable(entry.getName()) + "' instead of " + CONTENT_ENTRY + "; it is not a Sincro package"
                    + " and nothing of it was unpacked, set it aside");
        }
    }

    private static Seal readSeal(ZipInputStream zip, String where) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
            throw new EOFException("the archive ends before its seal");
        }
        if (!SEAL_ENTRY.equals(entry.getName())) {
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " holds an entry named '"
                    + printable(entry.getName()) + "' where its seal should be; it is not a Sincro package and"
                    + " nothing of it was unpacked, set it aside");
        }
        byte[] bytes = zip.readNBytes(Seal.MAX_BYTES + 1);
        if (bytes.length > Seal.MAX_BYTES) {
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + "'s seal is longer than "
                    + Seal.MAX_BYTES + " bytes, which no seal is; it is not a Sincro package, set it aside");
        }
        ZipEntry extra = zip.getNextEntry();
        if (extra != null) {
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " holds a third entry, '"
                    + printable(extra.getName()) + "', beyond " + CONTENT_ENTRY + " and " + SEAL_ENTRY
                    + "; it is not a Sincro package and nothing of it was unpacked, set it aside");
        }
        try {
            return Seal.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new PackageRefusedException(Reason.SEAL_MISMATCH, "package " + where + "'s seal cannot be read ("
                    + e.getMessage() + "); it is damaged or was tampered with, set it aside and ask for it again", e);
        }
    }

    private void checkSeal(Seal seal, SealingInputStream content, String where) {
        byte[] actual = content.sealValue();
        if (!sealing.algorithm().equals(seal.algorithm())) {
            throw new PackageRefusedException(Reason.SEAL_MISMATCH, "package " + where + " is sealed with "
                    + seal.algorithm() + ", and this station checks " + sealing.algorithm()
                    + "; it was refused, make both stations use the same sealing");
        }
        if (seal.size() != content.count()) {
            throw new PackageRefusedException(Reason.SEAL_MISMATCH, "package " + where + " holds " + content.count()
                    + " bytes of content but its seal says " + seal.size() + "; it is damaged or was tampered with,"
                    + " set it aside and ask its sender for it again");
        }
        if (!MessageDigest.isEqual(actual, seal.value())) {
            throw new PackageRefusedException(Reason.SEAL_MISMATCH, "package " + where + "'s content does not match"
                    + " its " + seal.algorithm() + " seal (" + seal.digest().substring(0, 12) + "...); it is damaged"
                    + " or was tampered with, set it aside and ask its sender for it again");
        }
    }

    private static PackageRefusedException truncated(String where, Throwable cause) {
        boolean cut = cause instanceof EOFException || cause instanceof ZipException;
        return new PackageRefusedException(Reason.TRUNCATED, "package " + where + (cut
                ? " ends early or its compressed data is broken (" + cause.getMessage() + "); it was probably cut"
                        + " during a transfer, set it aside and ask for it again"
                : " could not be read (" + cause + "); check the disk and try again"), cause);
    }

    private static boolean startsLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] start = in.readNBytes(ZIP_SIGNATURE.length);
            return java.util.Arrays.equals(start, ZIP_SIGNATURE);
        } catch (IOException e) {
            return false;
        }
    }

    private static long size(Path file, String where) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new PackageRefusedException(Reason.TRUNCATED, "package " + where + " could not be read (" + e
                    + "); check that the file is there and readable", e);
        }
    }

    /** A name from inside an archive or from a server, safe to print in one line. */
    static String printable(String name) {
        StringBuilder out = new StringBuilder();
        name.codePoints().limit(80).forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temporary name is harmless: it never ends in .sincro
        }
    }
}
