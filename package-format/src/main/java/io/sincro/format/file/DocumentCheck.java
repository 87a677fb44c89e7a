package io.sincro.format.file;

import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The check of a package's document (safe XML, the schema) in a thread of its own while the import
 * runs: it costs about as much as reading the rows, so beside the import it costs almost nothing.
 * The import commits only after the check has passed; when the import fails, a refusal by the check
 * is the better explanation (a value too long for its column is a package not following the schema,
 * not a database error). Closing waits for the thread, so it never reads a file the caller moves.
 */
final class DocumentCheck implements AutoCloseable {

    private final FutureTask<Void> task;

    private DocumentCheck(FutureTask<Void> task) {
        this.task = task;
    }

    /** Starts checking {@code p}'s document, unless it was checked already. */
    static DocumentCheck start(PackageFiles files, VerifiedPackage p) {
        if (p.documentChecked()) {
            FutureTask<Void> passed = new FutureTask<>(() -> { }, null);
            passed.run();
            return new DocumentCheck(passed);
        }
        FutureTask<Void> task = new FutureTask<>(() -> files.checkDocument(p), null);
        Thread thread = new Thread(task, "sincro-check-" + p.name().fileName());
        thread.setDaemon(true);
        thread.start();
        return new DocumentCheck(task);
    }

    /**
     * Waits for the check.
     *
     * @throws RuntimeException its refusal, as it was thrown
     */
    void passed() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while the package's document was checked");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("the package's document could not be checked: " + e.getCause(), e);
        }
    }

    /** The import failed with {@code failure}: throws the check's refusal instead, if it has one. */
    void explain(Exception failure) {
        try {
            passed();
        } catch (RuntimeException refusal) {
            refusal.addSuppressed(failure);
            throw refusal;
        }
    }

    @Override
    public void close() {
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // reported by passed() or explain(), or the import had failed already
        }
    }
}
