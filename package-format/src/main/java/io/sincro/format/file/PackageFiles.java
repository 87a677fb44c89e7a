package io.sincro.format.file;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageName;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.ReadLimits;
import io.sincro.format.envelope.Envelope;
import io.sincro.format.envelope.Keyring;
import io.sincro.format.envelope.SegmentedGcm;
import io.sincro.format.envelope.StreamKey;
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
    static final String ENVELOPE_ENTRY = "package.envelope";
    static final String ENCRYPTED_ENTRY = "package.xml.gcm";
    private static final byte[] ZIP_SIGNATURE = {'P', 'K', 3, 4};

    private final PackageXml xml;
    private final Sealing sealing;
    private final Keyring keys;
    private final ReadLimits limits;

    /** Packages in clear, sealed by {@code sealing} alone: a station without keys, a third party's tool. */
    public PackageFiles(PackageXml xml, Sealing sealing, ReadLimits limits) {
        this(xml, sealing, Keyring.none(), limits);
    }

    /**
     * Packages protected by {@code keys}: an agent's streams encrypted under its stream key, the
     * catalog signed by the head office; reading refuses as forged what its stream's key did not seal.
     */
    public PackageFiles(PackageXml xml, Sealing sealing, Keyring keys, ReadLimits limits) {
        this.xml = xml;
        this.sealing = sealing;
        this.keys = keys;
        this.limits = limits;
    }

    public Keyring keys() {
        return keys;
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
                    Optional<StreamKey> key = keys.sealingKey(header.stream());
                    SealingOutputStream sealed;
                    if (key.isEmpty()) {
                        zip.putNextEntry(entry(CONTENT_ENTRY, header));
                        sealed = new SealingOutputStream(zip, sealer);
                        complete = writer.finish(header, sealed);
                        sealed.flush();
                    } else {
                        Envelope envelope = Envelope.seal(key.get(), header);
                        zip.putNextEntry(entry(ENVELOPE_ENTRY, header));
                        zip.write(envelope.toBytes());
                        zip.closeEntry();
                        // encrypted bytes do not compress: the content is deflated first, then encrypted
                        zip.setLevel(Deflater.NO_COMPRESSION);
                        zip.putNextEntry(entry(ENCRYPTED_ENTRY, header));
                        SegmentedGcm.Encrypting encrypting = SegmentedGcm.encrypting(zip, key.get().secret(), envelope);
                        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
                        try {
                            DeflaterOutputStream deflating = new DeflaterOutputStream(encrypting, deflater, 1 << 16);
                            sealed = new SealingOutputStream(deflating, sealer);
                            complete = writer.finish(header, sealed);
                            deflating.finish();
                            encrypting.finish();
                        } finally {
                            deflater.end();
                        }
                        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                    }
                    zip.closeEntry();
                    String keyId = key.map(StreamKey::id).orElse(keys.requiresSignature(header.stream())
                            ? keys.signingKey().orElseThrow().id() : sealing.keyId(header.stream()));
                    seal = keys.sign(name, Seal.of(sealing.algorithm(), keyId, sealed.count(), sealer.finish()));
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

    /**
     * The times a zip entry's own two-second field holds without the JDK adding an extra field (it
     * takes 1980-01-01 00:00 itself for "before 1980").
     */
    private static final LocalDateTime ZIP_TIME_FROM = LocalDateTime.of(1980, 1, 1, 0, 0, 2);
    private static final LocalDateTime ZIP_TIME_UNTIL = LocalDateTime.of(2107, 12, 31, 23, 59, 58);

    private static ZipEntry entry(String name, PackageHeader header) {
        ZipEntry entry = new ZipEntry(name);
        // the same content gives the same bytes: the zip's times are the package's own, in UTC
        // whatever this computer's time zone, and only in the entry's own two-second field: a
        // modification time in an extra field costs 18 bytes an entry, a tenth of a package that
        // only acknowledges, and says nothing the header does not. That field holds 1980 to 2107; outside
        // (a laptop whose clock went back to 1970) the JDK adds the extra field from this computer's
        // time zone, so such a time is held at the field's ends
        LocalDateTime time = LocalDateTime.ofInstant(header.createdAt(), ZoneOffset.UTC);
        entry.setTimeLocal(time.isBefore(ZIP_TIME_FROM) ? ZIP_TIME_FROM : time.isAfter(ZIP_TIME_UNTIL) ? ZIP_TIME_UNTIL
                : time);
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
        try (ZipInputStream zip = open(p.file()); Opened content = content(zip, p.file(), p.name(), where)) {
            xml.check(content.in, where, limits.maxElements());
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
        Envelope envelope;
        try (ZipInputStream zip = open(file); Opened opened = content(zip, file, name, where)) {
            envelope = opened.envelope;
            SealingInputStream content = new SealingInputStream(opened.in, sealing.start(name.stream()),
                    limits.maxContentBytes(), where);
            PackageRefusedException xmlProblem = null;
            try {
                if (document) {
                    xml.check(content, where, limits.maxElements());
                }
            } catch (PackageRefusedException e) {
                if (e.reason() == Reason.TOO_LARGE || e.reason() == Reason.FORGED) {
                    throw e;
                }
                // a damaged file often reads as bad XML too: the seal's verdict comes first
                xmlProblem = e;
            } catch (UncheckedIOException e) {
                throw truncated(where, e.getCause());
            }
            content.drain();
            opened.finish(where);
            try {
                seal = readSeal(zip, where);
                keys.checkSignature(name, seal);
                checkSeal(seal, content, where);
            } catch (PackageRefusedException e) {
                throw authenticated(envelope, name) ? sealForged(e, where) : e;
            }
            if (xmlProblem != null) {
                throw xmlProblem;
            }
        } catch (IOException e) {
            throw truncated(where, e);
        }
        PackageHeader header = header(file, name, where);
        if (!header.name().equals(name)) {
            throw new PackageRefusedException(Reason.NOT_FOR_THIS_STATION, "package " + where + " says it is "
                    + header.name() + " inside: it was renamed or is foreign, so it was refused; set it aside");
        }
        if (envelope != null && (envelope.kind() != header.kind() || envelope.basedOn() != header.basedOn())) {
            throw new PackageRefusedException(Reason.FORGED, "package " + where + "'s envelope says " + envelope.kind()
                    + " based on " + envelope.basedOn() + " and its header " + header.kind() + " based on "
                    + header.basedOn() + ": it was refused as forged and changes nothing");
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
        try (ZipInputStream zip = open(p.file()); Opened opened = content(zip, p.file(), p.name(), where)) {
            SealingInputStream content = new SealingInputStream(opened.in, sealing.start(p.name().stream()),
                    limits.maxContentBytes(), where);
            PackageHeader header;
            try {
                header = xml.read(content, where, limits.maxElements(), opener);
            } catch (UncheckedIOException e) {
                throw truncated(where, e.getCause());
            }
            content.drain();
            opened.finish(where);
            checkSeal(p.seal(), content, where);
            return header;
        } catch (IOException e) {
            throw truncated(where, e);
        }
    }

    /**
     * Copies a verified package's document, decrypted when it travelled encrypted, into {@code out}:
     * for an administrator holding the key who reads a package by hand ({@code sincro package open}).
     *
     * @throws PackageRefusedException when the file changed since it was verified
     */
    public void document(VerifiedPackage p, OutputStream out) {
        String where = p.name().fileName();
        try (ZipInputStream zip = open(p.file()); Opened opened = content(zip, p.file(), p.name(), where)) {
            SealingInputStream content = new SealingInputStream(opened.in, sealing.start(p.name().stream()),
                    limits.maxContentBytes(), where);
            content.transferTo(out);
            opened.finish(where);
            checkSeal(p.seal(), content, where);
        } catch (IOException e) {
            throw truncated(where, e);
        }
    }

    /** The envelope of a package that travelled encrypted, as it stands in the file; empty for one in clear. */
    public Optional<Envelope> envelope(VerifiedPackage p) {
        try (ZipInputStream zip = open(p.file()); Opened opened = content(zip, p.file(), p.name(), p.name().fileName())) {
            return Optional.ofNullable(opened.envelope);
        } catch (IOException e) {
            throw truncated(p.name().fileName(), e);
        }
    }

    private PackageHeader header(Path file, PackageName name, String where) {
        try (ZipInputStream zip = open(file); Opened content = content(zip, file, name, where)) {
            // the first pass has checked the whole content; only its beginning is read here
            return xml.readHeader(content.in, where);
        } catch (IOException e) {
            throw truncated(where, e);
        }
    }

    private static ZipInputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return new ZipInputStream(in);
    }

    /**
     * The document as it is read from the archive's first entries: in clear, or decrypted (each
     * segment released only once authenticated) and inflated when it came encrypted.
     */
    private Opened content(ZipInputStream zip, Path file, PackageName name, String where) throws IOException {
        ZipEntry entry = zip.getNextEntry();
        if (entry == null) {
            if (startsLikeZip(file)) {
                throw new EOFException("the archive ends before its first entry");
            }
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " is not a zip archive, so"
                    + " it is not a Sincro package (a foreign file under a package name); set it aside");
        }
        if (CONTENT_ENTRY.equals(entry.getName())) {
            if (keys.requiresEnvelope(name.stream())) {
                throw new PackageRefusedException(Reason.FORGED, "package " + where + " arrived in clear, and this"
                        + " station takes " + name.stream() + "'s packages only encrypted under agent "
                        + name.stream().agentCode() + "'s key: it was refused as forged and changes nothing");
            }
            return new Opened(zip, null, null, null);
        }
        if (!ENVELOPE_ENTRY.equals(entry.getName())) {
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " starts with an entry named '"
                    + printable(entry.getName()) + "' instead of " + CONTENT_ENTRY + " or " + ENVELOPE_ENTRY + "; it is"
                    + " not a Sincro package and nothing of it was unpacked, set it aside");
        }
        if (name.stream().direction() == PackageStream.Direction.CATALOG) {
            throw new PackageRefusedException(Reason.FORGED, "catalog package " + where + " is encrypted, and the"
                    + " head office signs catalog packages, never encrypts them: it was refused as forged");
        }
        byte[] bytes = zip.readNBytes(Envelope.MAX_BYTES + 1);
        Envelope envelope;
        try {
            if (bytes.length > Envelope.MAX_BYTES) {
                throw new IllegalArgumentException("it is longer than " + Envelope.MAX_BYTES + " bytes");
            }
            envelope = Envelope.parse(bytes);
        } catch (IllegalArgumentException e) {
            throw new PackageRefusedException(Reason.FORGED, "package " + where + "'s envelope cannot be read ("
                    + e.getMessage() + "): it was refused as forged and changes nothing", e);
        }
        if (!envelope.name().equals(name)) {
            throw new PackageRefusedException(Reason.FORGED, "package " + where + "'s envelope says it is "
                    + envelope.name() + ": it was renamed (a replay under another number), refused as forged, and"
                    + " changes nothing");
        }
        StreamKey key = keys.openingKey(name, envelope.keyId());
        ZipEntry encrypted = zip.getNextEntry();
        if (encrypted == null) {
            throw new EOFException("the archive ends after its envelope");
        }
        if (!ENCRYPTED_ENTRY.equals(encrypted.getName())) {
            throw new PackageRefusedException(Reason.NOT_A_PACKAGE, "package " + where + " holds an entry named '"
                    + printable(encrypted.getName()) + "' where its encrypted content should be; it is not a Sincro"
                    + " package and nothing of it was unpacked, set it aside");
        }
        SegmentedGcm.Decrypting decrypting = SegmentedGcm.decrypting(zip, key.secret(), envelope, where);
        Inflater inflater = new Inflater();
        return new Opened(new InflaterInputStream(decrypting, inflater, 1 << 16), envelope, decrypting, inflater);
    }

    /** An opened content: the document's bytes, and for an encrypted one what decrypts it. */
    private static final class Opened implements AutoCloseable {
        final InputStream in;
        final Envelope envelope;
        private final SegmentedGcm.Decrypting decrypting;
        private final Inflater inflater;

        Opened(InputStream in, Envelope envelope, SegmentedGcm.Decrypting decrypting, Inflater inflater) {
            this.in = in;
            this.envelope = envelope;
            this.decrypting = decrypting;
            this.inflater = inflater;
        }

        /** After the document's end: every segment authenticated, the last one included, and nothing after it. */
        void finish(String where) throws IOException {
            if (decrypting == null) {
                return;
            }
            long extra = inflater.getRemaining() + decrypting.finish();
            if (!inflater.finished() || extra > 0) {
                throw new PackageRefusedException(Reason.MALFORMED, "package " + where + "'s encrypted content"
                        + " holds " + extra + " bytes after its document: it was refused, ask its sender for it again");
            }
        }

        @Override
        public void close() {
            if (inflater != null) {
                inflater.end();
            }
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

    /**
     * Whether a package's parts are vouched for by a key: its content by the envelope's encryption,
     * or, for the catalog at a station with keys, its seal by the head office's signature.
     */
    private boolean authenticated(Envelope envelope, PackageName name) {
        return envelope != null || keys.requiresSignature(name.stream());
    }

    /**
     * A seal that does not match a package whose content or seal a key vouches for was changed by
     * someone without the key (the seal itself is not encrypted): a forgery, which consumes nothing,
     * never a damaged package that would hold up its stream.
     */
    private static PackageRefusedException sealForged(PackageRefusedException e, String where) {
        if (e.reason() == Reason.FORGED || e.reason() == Reason.TOO_LARGE) {
            return e;
        }
        return new PackageRefusedException(Reason.FORGED, "package " + where + " was changed by someone without its"
                + " key (" + e.getMessage() + "): it was refused as forged and changes nothing", e);
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
