package io.sincro.exchange.check;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The lines of a connection check, in the order the steps ran, and how far the server's clock is
 * ahead of this computer's (negative: behind), read from the time it gave the probe it was sent;
 * empty when no probe was written or the server did not say.
 */
public record CheckReport(List<CheckLine> lines, Optional<Duration> serverClockAhead) {

    public CheckReport {
        lines = List.copyOf(lines);
    }

    public CheckReport(List<CheckLine> lines) {
        this(lines, Optional.empty());
    }

    /** Whether every step worked. */
    public boolean passed() {
        return !lines.isEmpty() && lines.stream().allMatch(CheckLine::ok);
    }
}
