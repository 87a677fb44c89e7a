package io.sincro.format.envelope;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The head office's Ed25519 key pair, which signs the shared catalog: the head office holds both
 * halves, every agent the public one only, so no agent can write a catalog package. {@code id} names
 * it in every seal it signs ({@code HQ.1}).
 */
public record SigningKey(String id, PublicKey publicKey, PrivateKey privateKey) {

    public static final String ALGORITHM = "Ed25519";
    private static final Pattern ID = Pattern.compile("HQ\\.[1-9][0-9]{0,8}");

    public SigningKey {
        Objects.requireNonNull(publicKey, "publicKey");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a head-office signing key's name, such as HQ.1");
        }
    }

    /** A new key pair, generation {@code generation}. */
    public static SigningKey generate(int generation) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new SigningKey("HQ." + generation, pair.getPublic(), pair.getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime lacks Ed25519 (Java 15 and later have it)", e);
        }
    }

    /** The private half, which only the head office holds. */
    public Optional<PrivateKey> signing() {
        return Optional.ofNullable(privateKey);
    }

    /** The public half alone, as agents hold it. */
    public SigningKey publicOnly() {
        return new SigningKey(id, publicKey, null);
    }

    @Override
    public String toString() {
        return "signing key " + id + (privateKey == null ? " (public)" : "");
    }
}
