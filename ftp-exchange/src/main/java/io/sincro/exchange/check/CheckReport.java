package io.sincro.exchange.check;

import java.util.List;

/** The lines of a connection check, in the order the steps ran. */
public record CheckReport(List<CheckLine> lines) {

    public CheckReport {
        lines = List.copyOf(lines);
    }

    /** Whether every step worked. */
    public boolean passed() {
        return !lines.isEmpty() && lines.stream().allMatch(CheckLine::ok);
    }
}
