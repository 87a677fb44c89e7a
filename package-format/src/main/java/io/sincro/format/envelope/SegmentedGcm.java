package io.sincro.format.envelope;

import java.io.EOFException;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;

/**
 * AES-256-GCM over a stream of any length, in segments: the JDK's GCM cipher holds a whole message
 * in memory before it releases a byte of it, and a package can be hundreds of megabytes. Each
 * segment of {@link Envelope#segmentBytes()} plaintext bytes is its own GCM message with its own
 * 16-byte tag; its nonce is the envelope's random prefix and the segment's number, and its associated
 * data is the envelope entry, the segment's number and a flag saying whether it is the last. So a
 * segment cannot be changed, moved, dropped, or cut off at the end (the new last segment was not
 * sealed as the last), and nothing a reader receives was not written under the key.
 */
public final class SegmentedGcm {

    static final int TAG_BYTES = 16;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private SegmentedGcm() {
    }

    /** Encrypts what is written into {@code out}; {@link Encrypting#finish()} writes the last segment. */
    public static Encrypting encrypting(OutputStream out, SecretKey key, Envelope envelope) {
        return new Encrypting(out, key, envelope);
    }

    /**
     * Decrypts {@code in}, releasing each segment only once its tag is checked.
     *
     * @param where the package's name, for messages
     */
    public static Decrypting decrypting(InputStream in, SecretKey key, Envelope envelope, String where) {
        return new Decrypting(in, key, envelope, where);
    }

    private static Cipher init(int mode, SecretKey key, Envelope envelope, byte[] aadBase, long segment, boolean last)
            throws GeneralSecurityException {
        if (segment > 0xFFFFFFFFL) {
            throw new GeneralSecurityException("more than 2^32 segments in one package");
        }
        Cipher cipher = Cipher.getInstance(TRANSFORMATION);
        byte[] nonce = ByteBuffer.allocate(12).put(envelope.noncePrefix()).putInt((int) segment).array();
        cipher.init(mode, key, new GCMParameterSpec(TAG_BYTES * 8, nonce));
        cipher.updateAAD(aadBase);
        cipher.updateAAD(ByteBuffer.allocate(9).putLong(segment).put((byte) (last ? 1 : 0)).array());
        return cipher;
    }

    /** The encrypting stream; closing it finishes it but leaves the stream below open. */
    public static final class Encrypting extends FilterOutputStream {

        private final SecretKey key;
        private final Envelope envelope;
        private final byte[] aadBase;
        private final byte[] buffer;
        private int filled;
        private long segment;
        private boolean finished;

        private Encrypting(OutputStream out, SecretKey key, Envelope envelope) {
            super(out);
            this.key = key;
            this.envelope = envelope;
            this.aadBase = envelope.toBytes();
            this.buffer = new byte[envelope.segmentBytes()];
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == buffer.length) {
                    // a full buffer is sealed only once more comes, so the last segment is known as the last
                    seal(false);
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
            }
        }

        /** Writes the last segment (possibly empty); nothing may be written after. */
        public void finish() throws IOException {
            if (!finished) {
                seal(true);
                finished = true;
                out.flush();
            }
        }

        private void seal(boolean last) throws IOException {
            try {
                Cipher cipher = init(Cipher.ENCRYPT_MODE, key, envelope, aadBase, segment, last);
                out.write(cipher.doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM failed in this Java runtime: " + e.getMessage(), e);
            }
            segment++;
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            finish();
        }
    }

    /** The decrypting stream; closing it leaves the stream below open. */
    public static final class Decrypting extends InputStream {

        private final InputStream in;
        private final SecretKey key;
        private final Envelope envelope;
        private final String where;
        private final byte[] aadBase;
        private final byte[] sealed;
        private byte[] plain = new byte[0];
        private int position;
        private long segment;
        private boolean lastDone;
        private int pending = -1;

        private Decrypting(InputStream in, SecretKey key, Envelope envelope, String where) {
            this.in = in;
            this.key = key;
            this.envelope = envelope;
            this.where = where;
            this.aadBase = envelope.toBytes();
            this.sealed = new byte[envelope.segmentBytes() + TAG_BYTES];
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (position == plain.length) {
                if (lastDone) {
                    return -1;
                }
                next();
            }
            int n = Math.min(length, plain.length - position);
            System.arraycopy(plain, position, bytes, offset, n);
            position += n;
            return n;
        }

        /**
         * Reads and checks the rest, so every segment, the last one included, has been authenticated.
         *
         * @return how many bytes were left unread
         */
        public long finish() throws IOException {
            byte[] rest = new byte[1 << 16];
            long left = 0;
            for (int n = read(rest, 0, rest.length); n >= 0; n = read(rest, 0, rest.length)) {
                left += n;
            }
            return left;
        }

        private void next() throws IOException {
            int n = 0;
            if (pending >= 0) {
                sealed[n++] = (byte) pending;
                pending = -1;
            }
            n += in.readNBytes(sealed, n, sealed.length - n);
            boolean last;
            if (n < sealed.length) {
                last = true;
            } else {
                pending = in.read();
                last = pending < 0;
            }
            if (n < TAG_BYTES) {
                throw new EOFException("the encrypted content ends inside segment " + segment);
            }
            try {
                Cipher cipher = init(Cipher.DECRYPT_MODE, key, envelope, aadBase, segment, last);
                plain = cipher.doFinal(sealed, 0, n);
            } catch (AEADBadTagException e) {
                throw new PackageRefusedException(Reason.FORGED, "package " + where + " does not authenticate under"
                        + " key " + envelope.keyId() + " (segment " + segment + " of its content fails its AES-GCM"
                        + " check): it was forged, or damaged on its way; it was refused and changes nothing");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-256-GCM failed in this Java runtime: " + e.getMessage(), e);
            }
            position = 0;
            segment++;
            lastDone = last;
        }

        @Override
        public void close() {
            // the stream below belongs to the caller
        }
    }
}
