package io.sincro.exchange.ftp;

import java.util.function.BooleanSupplier;

/** Waiting in a test for what another thread does (a connection made ahead, one closed once made). */
final class Eventually {

    private static final int TRIES = 100;
    private static final long PAUSE_MILLIS = 50;

    private Eventually() {
    }

    /**
     * Returns once {@code done} holds, or after five seconds: the caller's assertion then says what
     * did not happen.
     */
    static void waitUntil(BooleanSupplier done) throws InterruptedException {
        for (int tried = 0; !done.getAsBoolean() && tried < TRIES; tried++) {
            Thread.sleep(PAUSE_MILLIS);
        }
    }
}
