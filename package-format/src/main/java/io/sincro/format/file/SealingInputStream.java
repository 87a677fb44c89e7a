package io.sincro.format.file;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.seal.Sealing;

/**
 * Feeds every byte read to a sealer and counts them, refusing to go past the cap on decompressed
 * size (a zip bomb stops here, after {@code max} bytes, not after filling the disk or the memory).
 * Closing it leaves the zip stream below open.
 */
final class SealingInputStream extends FilterInputStream {

    private final Sealing.Sealer sealer;
    private final long max;
    private final String where;
    private long count;

    SealingInputStream(InputStream in, Sealing.Sealer sealer, long max, String where) {
        super(in);
        this.sealer = sealer;
        this.max = max;
        this.where = where;
    }

    long count() {
        return count;
    }

    /** The seal of everything read; call once, at the end. */
    byte[] sealValue() {
        return sealer.finish();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count += n;
            if (count > max) {
                throw new PackageRefusedException(Reason.TOO_LARGE, "package " + where + " decompresses to more than "
                        + max + " bytes, the cap for one package; it was refused unread (it may be a zip bomb), set it"
                        + " aside, or raise the cap if the catalog really is that large");
            }
            sealer.update(buffer, offset, n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping must still seal every byte
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (r < 0) {
                break;
            }
            skipped += r;
        }
        return skipped;
    }

    /** Reads what is left, sealing it. */
    void drain() throws IOException {
        byte[] buffer = new byte[1 << 16];
        while (read(buffer, 0, buffer.length) >= 0) {
            // sealed and counted in read
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void close() {
        // the zip stream below belongs to the caller
    }
}
