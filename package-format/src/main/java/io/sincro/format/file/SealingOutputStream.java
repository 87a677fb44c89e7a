package io.sincro.format.file;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import io.sincro.format.seal.Sealing;

/** Feeds every byte written to a sealer and counts them; closing it leaves the zip stream open. */
final class SealingOutputStream extends FilterOutputStream {

    private final Sealing.Sealer sealer;
    private long count;

    SealingOutputStream(OutputStream out, Sealing.Sealer sealer) {
        super(out);
        this.sealer = sealer;
    }

    long count() {
        return count;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        out.write(buffer, offset, length);
        sealer.update(buffer, offset, length);
        count += length;
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
