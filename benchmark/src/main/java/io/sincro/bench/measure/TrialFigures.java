package io.sincro.bench.measure;

/**
 * What one run of a step measured.
 *
 * @param nanos           time of the work
 * @param rows            rows it handled
 * @param bytesUploaded   bytes stored on the mailbox
 * @param bytesDownloaded bytes retrieved from the mailbox
 * @param peakHeapBytes   the most heap in use during the run, garbage included
 * @param peakLiveBytes   the most heap in use right after a collection during the run: what the
 *                        work really held; -1 when no collection ran
 */
public record TrialFigures(long nanos, long rows, long bytesUploaded, long bytesDownloaded, long peakHeapBytes,
        long peakLiveBytes) {
}
