package io.sincro.format;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a station tells the other side about itself in a package's header, beside its rows (format
 * version 3): an agent's request for full packages and its sync health, and the head office's view
 * of the agent's clock. Every part is optional; a version 1 or 2 package has none ({@link #NONE}).
 * Texts are the sender's own sentences, bounded and free of control characters: a reader shows
 * them, so {@link #text} is the one way to make one from anything a station holds.
 *
 * @param asksFull  agent to head office: the streams it asks to receive in full
 * @param health    agent to head office: how its syncs stand
 * @param clockSeen head office to agent: how far off the agent's clock was seen
 */
public record StationNotes(List<FullRequest> asksFull, Optional<SyncHealth> health, Optional<ClockSeen> clockSeen) {

    /** Nothing said: what a version 1 or 2 package says. */
    public static final StationNotes NONE = new StationNotes(List.of(), Optional.empty(), Optional.empty());
    /** The longest text a note may hold, in characters. */
    public static final int MAX_TEXT = 500;
    /** The farthest a clock may be seen off, either way: ten years. */
    public static final long MAX_CLOCK_SECONDS = 10L * 366 * 24 * 3600;

    public StationNotes {
        asksFull = List.copyOf(asksFull);
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(clockSeen, "clockSeen");
        if (asksFull.size() > 2 || asksFull.stream().map(FullRequest::stream).distinct().count() < asksFull.size()) {
            throw new IllegalArgumentException("a package asks for at most two streams in full, each once");
        }
    }

    public boolean isEmpty() {
        return asksFull.isEmpty() && health.isEmpty() && clockSeen.isEmpty();
    }

    /**
     * The agent asks for a full package of {@code stream}, one numbered above {@code after} (the last
     * of the stream it had imported when it asked): a full package above it answers the request, so
     * the request carried again before the answer arrived asks for nothing more.
     */
    public record FullRequest(PackageStream stream, long after) {

        public FullRequest {
            Objects.requireNonNull(stream, "stream");
            if (stream.direction() == PackageStream.Direction.AGENT_TO_HEAD_OFFICE) {
                throw new IllegalArgumentException("only the head office's streams can be asked for in full, not "
                        + stream);
            }
            if (after < 0 || after > PackageName.MAX_SEQUENCE) {
                throw new IllegalArgumentException("a full package is asked for after a package number from 0 to "
                        + PackageName.MAX_SEQUENCE + ", not " + after);
            }
        }
    }

    /**
     * How an agent's syncs stand, as it writes a package.
     *
     * @param lastError its last failed sync, if the last sync failed
     * @param waiting   the streams it reads that wait, and why
     * @param setAside  how many packages it holds set aside (refused, in its {@code rejected/} folder)
     */
    public record SyncHealth(Optional<Problem> lastError, List<Waiting> waiting, int setAside) {

        public static final SyncHealth GOOD = new SyncHealth(Optional.empty(), List.of(), 0);

        public SyncHealth {
            Objects.requireNonNull(lastError, "lastError");
            waiting = List.copyOf(waiting);
            if (waiting.size() > 2 || setAside < 0 || setAside > 1_000_000) {
                throw new IllegalArgumentException("a sync health names at most two waiting streams and 0 to"
                        + " 1,000,000 packages set aside");
            }
        }

        public boolean isGood() {
            return lastError.isEmpty() && waiting.isEmpty() && setAside == 0;
        }
    }

    /** A failed sync: when (by the agent's clock) and what it said. */
    public record Problem(Instant at, String text) {

        public Problem {
            Objects.requireNonNull(at, "at");
            checkText(text);
        }
    }

    /** A stream the agent reads that waits, and why (the package that holds it up, the reason). */
    public record Waiting(PackageStream stream, String reason) {

        public Waiting {
            Objects.requireNonNull(stream, "stream");
            checkText(reason);
        }
    }

    /**
     * The head office's view of the agent's clock: ahead (positive) or behind (negative) of its own
     * by at least {@code aheadSeconds}, seen in {@code seenIn}; 0 when nothing proves it off.
     */
    public record ClockSeen(long aheadSeconds, PackageName seenIn) {

        public ClockSeen {
            Objects.requireNonNull(seenIn, "seenIn");
            if (Math.abs(aheadSeconds) > MAX_CLOCK_SECONDS) {
                throw new IllegalArgumentException("a clock is seen at most " + MAX_CLOCK_SECONDS + " seconds off, not "
                        + aheadSeconds);
            }
        }

        public Duration ahead() {
            return Duration.ofSeconds(aheadSeconds);
        }
    }

    /**
     * {@code raw} as a note may carry it: control and bidirectional-override characters become
     * spaces, runs of spaces one, and a text longer than {@link #MAX_TEXT} is cut with an ellipsis.
     */
    public static String text(String raw) {
        StringBuilder out = new StringBuilder();
        raw.codePoints().map(cp -> forbidden(cp) ? ' ' : cp).forEach(cp -> {
            if (cp != ' ' || (out.length() > 0 && out.charAt(out.length() - 1) != ' ')) {
                out.appendCodePoint(cp);
            }
        });
        String clean = out.toString().strip();
        if (clean.length() > MAX_TEXT) {
            int end = MAX_TEXT - 1;
            if (Character.isHighSurrogate(clean.charAt(end - 1))) {
                end--;
            }
            clean = clean.substring(0, end) + "…";
        }
        return clean;
    }

    private static void checkText(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isEmpty() || text.length() > MAX_TEXT || text.codePoints().anyMatch(StationNotes::forbidden)) {
            throw new IllegalArgumentException("a note's text holds 1 to " + MAX_TEXT + " characters and no control"
                    + " character");
        }
    }

    /** C0 and C1 controls, and the characters that reorder text on a terminal (bidirectional overrides). */
    private static boolean forbidden(int cp) {
        return Character.getType(cp) == Character.CONTROL || (cp >= 0x202A && cp <= 0x202E)
                || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F || cp == 0x061C;
    }
}
