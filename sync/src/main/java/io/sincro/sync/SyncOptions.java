package io.sincro.sync;

import java.time.Duration;
import java.util.Objects;

import io.sincro.rules.flow.ValueLimits;

/**
 * How a sync behaves where there is a choice.
 *
 * @param resendAfter       an uploaded package the other side has not acknowledged, and that is no
 *                          longer in the mailbox after this long, was lost: it is uploaded again
 * @param fullAfterPackages an agent this many packages behind (after what it acknowledged, and after
 *                          the last full snapshot it was sent) gets a full snapshot instead of
 *                          another delta, and the packages it skipped leave the mailbox
 * @param clockTolerance    a sender's clock ahead of this station's by more than this is reported:
 *                          "most recent wins" for special prices depends on both clocks
 * @param snapshotAfterPercent the head office writes a new catalog snapshot once the deltas since
 *                          the last one add up to this share of its size, so a new agent never
 *                          downloads much more than one snapshot, and older packages can go
 * @param limits            the bounds every arriving value must keep
 */
public record SyncOptions(Duration resendAfter, int fullAfterPackages, Duration clockTolerance,
                          int snapshotAfterPercent, ValueLimits limits) {

    /** The options with the value limits' defaults. */
    public SyncOptions(Duration resendAfter, int fullAfterPackages, Duration clockTolerance, int snapshotAfterPercent) {
        this(resendAfter, fullAfterPackages, clockTolerance, snapshotAfterPercent, ValueLimits.defaults());
    }

    public SyncOptions {
        Objects.requireNonNull(resendAfter, "resendAfter");
        Objects.requireNonNull(clockTolerance, "clockTolerance");
        Objects.requireNonNull(limits, "limits");
        if (resendAfter.isNegative() || clockTolerance.isNegative() || fullAfterPackages < 1
                || snapshotAfterPercent < 1) {
            throw new IllegalArgumentException("sync options need durations of 0 or more, and a package count and a"
                    + " percentage of 1 or more");
        }
    }

    public static SyncOptions defaults() {
        return new SyncOptions(Duration.ofHours(1), 30, Duration.ofMinutes(5), 50);
    }

    public SyncOptions withSnapshotAfterPercent(int percent) {
        return new SyncOptions(resendAfter, fullAfterPackages, clockTolerance, percent, limits);
    }
}
