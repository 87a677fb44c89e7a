package io.sincro.format.seal;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The seal of a package's content, stored in the package as the small text entry {@code package.seal}:
 *
 * <pre>
 * algorithm=SHA-256
 * size=123456
 * digest=3f2a...(64 hex digits)
 * </pre>
 *
 * {@code size} is the number of bytes of {@code package.xml} once decompressed; an authenticating
 * sealing adds {@code key=} naming the sender's key, and a signed one (the catalog) {@code signature=}, the
 * head office's Ed25519 signature of the lines before it ({@code io.sincro.format.envelope.Keyring}).
 * Anyone can check a package's content by hand:
 * {@code unzip -p X.sincro package.xml | sha256sum}.
 */
public record Seal(String algorithm, String keyId, long size, String digest, String signature) {

    /** A seal entry is a few lines; anything longer is not one. */
    public static final int MAX_BYTES = 1024;

    private static final Pattern ALGORITHM = Pattern.compile("[A-Za-z0-9-]{1,30}");
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_.-]{1,60}");
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{2,256}");

    public Seal {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(digest, "digest");
        if (!ALGORITHM.matcher(algorithm).matches() || keyId != null && !KEY_ID.matcher(keyId).matches()
                || !DIGEST.matcher(digest).matches() || digest.length() % 2 != 0 || size < 0
                || signature != null && (!DIGEST.matcher(signature).matches() || signature.length() % 2 != 0)) {
            throw new IllegalArgumentException("not a valid seal: algorithm " + algorithm + ", key " + keyId
                    + ", size " + size + ", digest " + digest);
        }
    }

    public static Seal of(String algorithm, String keyId, long size, byte[] value) {
        return new Seal(algorithm, keyId, size, HexFormat.of().formatHex(value), null);
    }

    /** This seal with {@code signatureBytes} added. */
    public Seal signed(byte[] signatureBytes) {
        return new Seal(algorithm, keyId, size, digest, HexFormat.of().formatHex(signatureBytes));
    }

    /** What a signature covers: every line but the signature's own. */
    public byte[] signedBytes() {
        return new Seal(algorithm, keyId, size, digest, null).toBytes();
    }

    public byte[] signatureValue() {
        return signature == null ? null : HexFormat.of().parseHex(signature);
    }

    public byte[] value() {
        return HexFormat.of().parseHex(digest);
    }

    public byte[] toBytes() {
        StringBuilder text = new StringBuilder();
        text.append("algorithm=").append(algorithm).append('\n');
        if (keyId != null) {
            text.append("key=").append(keyId).append('\n');
        }
        text.append("size=").append(size).append('\n');
        text.append("digest=").append(digest).append('\n');
        if (signature != null) {
            text.append("signature=").append(signature).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Reads a seal entry.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Seal parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.US_ASCII);
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("seal line '" + line.strip() + "' is not name=value");
            }
            String name = line.substring(0, eq);
            if (!Map.of("algorithm", 1, "key", 1, "size", 1, "digest", 1, "signature", 1).containsKey(name)
                    || fields.put(name, line.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException("seal field '" + name + "' is unknown or repeated");
            }
        }
        for (String required : new String[] {"algorithm", "size", "digest"}) {
            if (!fields.containsKey(required)) {
                throw new IllegalArgumentException("the seal has no " + required);
            }
        }
        long size;
        try {
            size = Long.parseLong(fields.get("size"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the seal's size '" + fields.get("size") + "' is not a number", e);
        }
        return new Seal(fields.get("algorithm"), fields.get("key"), size, fields.get("digest"), fields.get("signature"));
    }
}
