package io.sincro.exchange.ftp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a certificate, written as 32 upper-case hexadecimal pairs separated
 * by colons, the way {@code keytool -list} and browsers show it.
 *
 * @param hex the 64 upper-case hexadecimal digits
 */
public record Fingerprint(String hex) {

    private static final Pattern SHA256_HEX = Pattern.compile("[0-9A-F]{64}");

    public Fingerprint {
        if (!SHA256_HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a SHA-256 fingerprint has 64 hexadecimal digits");
        }
    }

    /** Reads a fingerprint with or without colons or spaces, in any case. */
    public static Fingerprint parse(String text) {
        return new Fingerprint(text.replaceAll("[:\\s]", "").toUpperCase(Locale.ROOT));
    }

    public static Fingerprint of(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return new Fingerprint(HexFormat.of().withUpperCase().formatHex(digest));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            // every Java runtime has SHA-256, and a certificate that arrived in a handshake encodes
            throw new IllegalStateException("cannot compute a certificate fingerprint", e);
        }
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(95);
        for (int i = 0; i < hex.length(); i += 2) {
            if (i > 0) {
                text.append(':');
            }
            text.append(hex, i, i + 2);
        }
        return text.toString();
    }
}
