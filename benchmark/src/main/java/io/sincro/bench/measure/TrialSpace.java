package io.sincro.bench.measure;

import java.nio.file.Path;

import io.sincro.exchange.ftp.FtpSettings;

/**
 * Where one run happens: an empty folder of its own, and an embedded FTP mailbox on loopback
 * serving {@code mailboxRoot} (empty, with {@code SincroAg} and {@code SincroSede} made) whose
 * traffic during {@link Trial#run} is counted.
 *
 * @param run     1 for the first measured run of the step, 2 for the next; a warm-up run before
 *                them (see Harness) has 0 or less
 * @param folder  the run's own folder, for station folders and files
 * @param mailbox how to reach the mailbox
 */
public record TrialSpace(int run, Path folder, Path mailboxRoot, FtpSettings mailbox) {
}
