package io.sincro.format.seal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.sincro.format.PackageStream;

/** Seals content with its SHA-256. */
final class Sha256Sealing implements Sealing {

    static final String ALGORITHM = "SHA-256";

    @Override
    public String algorithm() {
        return ALGORITHM;
    }

    @Override
    public Sealer start(PackageStream stream) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance(ALGORITHM);
        } catch (NoSuchAlgorithmException e) {
            // every Java platform must provide SHA-256
            throw new IllegalStateException("this Java runtime lacks SHA-256, which every Java platform must have", e);
        }
        return new Sealer() {
            @Override
            public void update(byte[] bytes, int offset, int length) {
                digest.update(bytes, offset, length);
            }

            @Override
            public byte[] finish() {
                return digest.digest();
            }
        };
    }
}
