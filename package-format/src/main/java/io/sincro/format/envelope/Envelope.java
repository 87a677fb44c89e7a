package io.sincro.format.envelope;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.sincro.format.PackageHeader;
import io.sincro.format.PackageKind;
import io.sincro.format.PackageName;

/**
 * The clear-text entry {@code package.envelope} in front of an encrypted package's content: what a
 * receiver needs before it can decrypt, and what the encryption binds in as associated data.
 *
 * <pre>
 * envelope=1
 * cipher=AES-256-GCM
 * key=A01.1
 * package=A01_to_HQ_000000042.sincro
 * kind=DELTA
 * basedOn=41
 * nonce=9f3c0a7d51e2b460
 * segment=65536
 * content=deflate
 * </pre>
 *
 * The whole entry, byte for byte, is part of every segment's associated data, so changing any line
 * (another package name, another kind) makes the package fail authentication; an entry not written
 * exactly so (lines reordered, a number respelled) is refused before that.
 *
 * @param keyId        the stream key that sealed it
 * @param name         the package's name: stream and sequence
 * @param kind         FULL or DELTA, as in the header inside
 * @param basedOn      as in the header inside
 * @param noncePrefix  8 random bytes; segment i's 12-byte nonce is this prefix and i as 4 bytes
 * @param segmentBytes plaintext bytes per segment (the last segment may hold fewer)
 */
public record Envelope(String keyId, PackageName name, PackageKind kind, long basedOn, byte[] noncePrefix,
                       int segmentBytes) {

    public static final String CIPHER = "AES-256-GCM";
    public static final int VERSION = 1;
    public static final int NONCE_PREFIX_BYTES = 8;
    public static final int DEFAULT_SEGMENT_BYTES = 1 << 16;
    /** An envelope entry is a few short lines; anything longer is not one. */
    public static final int MAX_BYTES = 1024;
    private static final int MAX_SEGMENT_BYTES = 1 << 22;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<String> FIELDS = Set.of("envelope", "cipher", "key", "package", "kind", "basedOn", "nonce",
            "segment", "content");

    public Envelope {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (StreamKey.agentCode(keyId) == null) {
            throw new IllegalArgumentException("the envelope's key '" + printable(keyId) + "' is not a stream key's"
                    + " name, such as A01.1");
        }
        noncePrefix = noncePrefix.clone();
        if (noncePrefix.length != NONCE_PREFIX_BYTES || segmentBytes < 1024 || segmentBytes > MAX_SEGMENT_BYTES
                || basedOn < 0) {
            throw new IllegalArgumentException("not a valid envelope: nonce of " + noncePrefix.length + " bytes,"
                    + " segments of " + segmentBytes + " bytes, based on " + basedOn);
        }
    }

    /** A new envelope for the package {@code header} describes, under {@code key}, with a fresh random nonce. */
    public static Envelope seal(StreamKey key, PackageHeader header) {
        byte[] prefix = new byte[NONCE_PREFIX_BYTES];
        RANDOM.nextBytes(prefix);
        return new Envelope(key.id(), header.name(), header.kind(), header.basedOn(), prefix, DEFAULT_SEGMENT_BYTES);
    }

    @Override
    public byte[] noncePrefix() {
        return noncePrefix.clone();
    }

    public byte[] toBytes() {
        return ("envelope=" + VERSION + "\ncipher=" + CIPHER + "\nkey=" + keyId + "\npackage=" + name.fileName()
                + "\nkind=" + kind.name() + "\nbasedOn=" + basedOn + "\nnonce=" + HexFormat.of().formatHex(noncePrefix)
                + "\nsegment=" + segmentBytes + "\ncontent=deflate\n").getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads an envelope entry.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Envelope parse(byte[] bytes) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(bytes, StandardCharsets.US_ASCII).split("\n")) {
            int eq = line.indexOf('=');
            String field = eq < 1 ? line : line.substring(0, eq);
            if (eq < 1 || !FIELDS.contains(field) || fields.put(field, line.substring(eq + 1)) != null) {
                throw new IllegalArgumentException("envelope line '" + printable(line) + "' is not one of its fields");
            }
        }
        if (!fields.keySet().equals(FIELDS)) {
            throw new IllegalArgumentException("the envelope lacks a field (it has " + fields.keySet() + ")");
        }
        if (!String.valueOf(VERSION).equals(fields.get("envelope")) || !CIPHER.equals(fields.get("cipher"))
                || !"deflate".equals(fields.get("content"))) {
            throw new IllegalArgumentException("envelope version " + printable(fields.get("envelope")) + " with "
                    + printable(fields.get("cipher")) + " is not one this build reads (version " + VERSION + ", "
                    + CIPHER + ")");
        }
        PackageName name = PackageName.parse(fields.get("package")).orElseThrow(() -> new IllegalArgumentException(
                "the envelope's package '" + printable(fields.get("package")) + "' is not a package name"));
        PackageKind kind;
        long basedOn;
        byte[] nonce;
        int segment;
        try {
            kind = PackageKind.valueOf(fields.get("kind"));
            basedOn = Long.parseLong(fields.get("basedOn"));
            nonce = HexFormat.of().parseHex(fields.get("nonce"));
            segment = Integer.parseInt(fields.get("segment"));
        } catch (IllegalArgumentException e) {
            // the JDK's own text (an enum constant, a hex digit) would repeat bytes the sender chose
            throw new IllegalArgumentException("the envelope's kind, based-on, nonce or segment size is not one this"
                    + " build writes (kind " + printable(fields.get("kind")) + ", based on "
                    + printable(fields.get("basedOn")) + ")", e);
        }
        Envelope envelope = new Envelope(fields.get("key"), name, kind, basedOn, nonce, segment);
        // authenticated as written: one spelling only, so the bytes checked are the bytes meant
        if (!Arrays.equals(envelope.toBytes(), bytes)) {
            throw new IllegalArgumentException("the envelope is not written the one way Sincro writes it (its lines"
                    + " reordered or respelled)");
        }
        return envelope;
    }

    private static String printable(String text) {
        return text == null ? "" : text.replaceAll("[^\\x20-\\x7E]", "?").substring(0, Math.min(text.length(), 60));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Envelope e && Arrays.equals(toBytes(), e.toBytes());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toBytes());
    }

    @Override
    public String toString() {
        return "envelope of " + name + " under " + keyId;
    }
}
