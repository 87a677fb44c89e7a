package io.sincro.format.seal;

import io.sincro.format.PackageStream;

/**
 * How a package's content is sealed, so the receiver can tell it arrived as it was written. Today
 * the seal is a SHA-256 of the content ({@link #sha256()}), which catches damage and truncation.
 * Authentication with a per-agent key (RELIABILITY.md property 15) plugs in here: an HMAC sealing
 * that picks the key of the stream's agent, so no one with FTP access can forge an agent's orders.
 * Writers and readers take a {@code Sealing}; nothing else changes.
 */
public interface Sealing {

    /** The algorithm's name as written in the seal, such as SHA-256 or HMAC-SHA256. */
    String algorithm();

    /**
     * The name of the key sealing {@code stream}'s packages, written in the seal so the receiver
     * knows which key to check with; null for a plain digest.
     */
    default String keyId(PackageStream stream) {
        return null;
    }

    /** Starts sealing (or checking) one package's content of {@code stream}. */
    Sealer start(PackageStream stream);

    /** The seal of one package's content, fed as it is written or read. */
    interface Sealer {
        void update(byte[] bytes, int offset, int length);

        /** The seal's value; the sealer is used up. */
        byte[] finish();
    }

    /** The SHA-256 of the content: integrity, no authentication. */
    static Sealing sha256() {
        return new Sha256Sealing();
    }
}
