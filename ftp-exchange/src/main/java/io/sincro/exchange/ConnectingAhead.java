package io.sincro.exchange;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A connection being made on a thread of its own, for a mailbox's {@link Mailbox#connectAhead}:
 * the mailbox's first operation {@linkplain #take takes} it, waiting if it is not made yet, and
 * meets its failure as the failure of its own connecting. The mailbox is still used by one thread
 * at a time: this thread only makes the connection, and hands it over.
 *
 * @param <C> the mailbox's connection
 */
public final class ConnectingAhead<C> {

    /** Makes a connection, as the mailbox's first operation would. */
    @FunctionalInterface
    public interface Opener<C> {
        C open() throws IOException;
    }

    private final CompletableFuture<C> made;

    private ConnectingAhead(CompletableFuture<C> made) {
        this.made = made;
    }

    /** Starts making a connection with {@code opener} on a daemon thread named {@code threadName}. */
    public static <C> ConnectingAhead<C> start(String threadName, Opener<C> opener) {
        return new ConnectingAhead<>(CompletableFuture.supplyAsync(() -> {
            try {
                return opener.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            thread.start();
        }));
    }

    /**
     * The connection, once made.
     *
     * @throws IOException      as the opener threw it
     * @throws RuntimeException as the opener threw it (a refusal the mailbox reports as it is)
     * @throws Error           as the opener threw it
     */
    public C take() throws IOException {
        try {
            return made.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException failed) {
                throw failed.getCause();
            }
            if (e.getCause() instanceof RuntimeException failed) {
                throw failed;
            }
            if (e.getCause() instanceof Error failed) {
                throw failed;
            }
            throw e;
        }
    }

    /**
     * Closes the connection with {@code close} when it is made, now if it is, without waiting: for
     * a mailbox closed before any operation took it. One that failed was never used, so no operation
     * is left to report it to, and it leaves nothing to close.
     */
    public void closeWhenMade(Consumer<C> close) {
        made.thenAccept(close);
    }
}
