package io.sincro.format;

import java.util.Objects;

/**
 * In a package's header: the highest sequence number of {@code stream} that the sender has imported
 * and committed. The other side may forget everything up to it, and builds its next delta on it.
 */
public record Acknowledgement(PackageStream stream, long sequence) {

    public Acknowledgement {
        Objects.requireNonNull(stream, "stream");
        if (sequence < 0) {
            throw new IllegalArgumentException("an acknowledged sequence is 0 or more, not " + sequence);
        }
    }
}
