package io.sincro.format.envelope;

import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The secret one agent shares with the head office: it encrypts and authenticates both of that
 * agent's streams (AES-256-GCM), so nobody else can read or write them. {@code id} names it in every
 * package it seals: the agent's code and the key's generation, {@code A01.1}, then {@code A01.2}
 * after the agent is rekeyed, so a package under a replaced key is recognized and refused by name.
 */
public record StreamKey(String id, SecretKey secret) {

    private static final Pattern ID = Pattern.compile("([A-Z0-9]{1,10})\\.([1-9][0-9]{0,8})");

    public StreamKey {
        Objects.requireNonNull(secret, "secret");
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("'" + id + "' is not a stream key's name, such as A01.1");
        }
        if (!"AES".equals(secret.getAlgorithm()) || secret.getEncoded() == null || secret.getEncoded().length != 32) {
            throw new IllegalArgumentException("stream key " + id + " is not a 256-bit AES key");
        }
    }

    /** A new random key of {@code agentCode}'s, generation {@code generation}. */
    public static StreamKey generate(String agentCode, int generation) {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return new StreamKey(agentCode + "." + generation, generator.generateKey());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java runtime lacks AES, which every Java platform must have", e);
        }
    }

    /** The agent whose key this is. */
    public String agentCode() {
        return agentCode(id);
    }

    public int generation() {
        return generation(id);
    }

    /** The agent a key name belongs to, or null when it is not a stream key's name. */
    static String agentCode(String keyId) {
        Matcher m = ID.matcher(keyId == null ? "" : keyId);
        return m.matches() ? m.group(1) : null;
    }

    static int generation(String keyId) {
        Matcher m = ID.matcher(keyId == null ? "" : keyId);
        return m.matches() ? Integer.parseInt(m.group(2)) : 0;
    }

    @Override
    public String toString() {
        // never the secret
        return "stream key " + id;
    }
}
