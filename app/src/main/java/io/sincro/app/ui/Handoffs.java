package io.sincro.app.ui;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.sincro.app.cli.FailureSentence;
import io.sincro.app.cli.HandoffFile;
import io.sincro.app.cli.SettingsFingerprint;
import io.sincro.app.cli.StationFolder;
import io.sincro.app.cli.UiHandoff;
import io.sincro.app.station.StatusCommand;
import io.sincro.app.sync.SyncCommand;
import io.sincro.db.Database;

/**
 * Where a running {@code sincro ui} takes {@code sincro sync} and {@code sincro status} from a
 * command that found the station held by it ({@link UiHandoff}, the client): a server of the JDK's on
 * 127.0.0.1, apart from the pages' (whose guard is the browser's cookie and form token), answering
 * only a POST that carries the key written into the station's {@link HandoffFile}, with a Host of
 * 127.0.0.1 or localhost and no Origin (no page of a browser). It writes the file once it listens
 * and removes it when it stops.
 */
final class Handoffs implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Handoffs.class);

    private static final int MAX_FORM = 1 << 16;
    // the commands ended: what is left is sending their last frames
    private static final Duration ANSWERS_SENT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final ExecutorService threads;
    private final ScheduledExecutorService beats;
    private final HandoffFile file;
    private final StationFolder station;
    private final StationPages pages;
    private final AtomicBoolean refusedBefore = new AtomicBoolean();
    // the handoffs being answered, and whether close() began: then none more is taken
    private int answering;
    private boolean stopping;

    private Handoffs(HttpServer server, ExecutorService threads, ScheduledExecutorService beats, HandoffFile file,
                     StationFolder station, StationPages pages) {
        this.server = server;
        this.threads = threads;
        this.beats = beats;
        this.file = file;
        this.station = station;
        this.pages = pages;
    }

    /**
     * Serves handoffs to {@code pages} on a free port of 127.0.0.1 and writes the station's handoff
     * file.
     *
     * @throws UncheckedIOException when the port cannot be opened or the file written, naming why
     */
    static Handoffs start(StationFolder station, Database database, StationPages pages, SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String key = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not open a port on 127.0.0.1 for sincro sync to hand its work to"
                    + " this sincro ui: " + e.getMessage() + "; start sincro ui again", e);
        }
        ExecutorService threads = Executors.newCachedThreadPool(run -> {
            Thread thread = new Thread(run, "sincro-ui-handoff");
            thread.setDaemon(true);
            return thread;
        });
        HandoffFile file = new HandoffFile(server.getAddress().getPort(), key, ProcessHandle.current().pid(),
                database.directory());
        ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(run -> {
            Thread thread = new Thread(run, "sincro-ui-keep-alive");
            thread.setDaemon(true);
            return thread;
        });
        Handoffs handoffs = new Handoffs(server, threads, beats, file, station, pages);
        server.createContext("/sync", exchange -> handoffs.answer(exchange, (form, out, err) ->
                pages.exclusively(() -> {
                    err.println("A sync runs in sincro ui already (started from its pages, or by another sincro"
                            + " sync); this one starts when it ends.");
                    err.flush();
                }, () -> SyncCommand.handedOver(station.settings(), station.environment(), database, form, out, err))));
        server.createContext("/status", exchange -> handoffs.answer(exchange, (form, out, err) ->
                pages.whileOpen("Sincro is stopping, so sincro status did not run; run it again once sincro ui has"
                        + " stopped", () -> StatusCommand.handedOver(station, database, out, err))));
        server.setExecutor(threads);
        server.start();
        try {
            file.writeTo(station.folder());
        } catch (RuntimeException e) {
            handoffs.stopServing();
            throw e;
        }
        log.info("sincro sync and sincro status run here while sincro ui holds the station: {}",
                HandoffFile.in(station.folder()));
        return handoffs;
    }

    /** A command run for a handoff: its form, and the streams it prints on; returns its exit code. */
    private interface Command {
        int run(Map<String, String> form, PrintWriter out, PrintWriter err);
    }

    private void answer(HttpExchange exchange, Command command) throws IOException {
        synchronized (this) {
            if (stopping) {
                try (exchange) {
                    refuse(exchange, 503, "sincro ui is stopping, so " + "sincro "
                            + exchange.getRequestURI().getPath().substring(1) + " did not run there; run it again once"
                            + " sincro ui has stopped");
                }
                return;
            }
            answering++;
        }
        try {
            answerTaken(exchange, command);
        } finally {
            synchronized (this) {
                answering--;
                notifyAll();
            }
        }
    }

    private void answerTaken(HttpExchange exchange, Command command) throws IOException {
        try (exchange) {
            Optional<String> refusal = refusal(exchange);
            if (refusal.isPresent()) {
                int status = refusal.get().startsWith("only POST") ? 405 : 403;
                // a local process may send many: the first is a warning, the rest go to the debug log
                if (refusedBefore.compareAndSet(false, true)) {
                    log.warn("refused a handoff to {} {}: {} (further refusals are logged at debug level)",
                            exchange.getRequestMethod(), exchange.getRequestURI(), refusal.get());
                } else {
                    log.debug("refused a handoff to {} {}: {}", exchange.getRequestMethod(), exchange.getRequestURI(),
                            refusal.get());
                }
                refuse(exchange, status, refusal.get());
                return;
            }
            Map<String, String> form = form(exchange.getRequestBody());
            String verb = "sincro " + exchange.getRequestURI().getPath().substring(1);
            Set<String> differing = SettingsFingerprint.differences(form, station.settings(), file.key());
            if (!differing.isEmpty()) {
                // names only: the values, passwords among them, are the command's and stay with it
                log.warn("refused {}: it would run with other settings than this sincro ui's, in {}", verb, differing);
                refuse(exchange, 409, "it was started with other settings or environment than this command's (they"
                        + " differ in " + String.join(", ", differing) + "); stop it (Ctrl-C in its window) and run "
                        + verb + " again, or restart sincro ui after editing the settings");
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            DataOutputStream frames = new DataOutputStream(exchange.getResponseBody());
            PrintWriter out = new PrintWriter(new FrameWriter(frames, UiHandoff.OUT), true);
            PrintWriter err = new PrintWriter(new FrameWriter(frames, UiHandoff.ERR), true);
            log.info("{} handed to this sincro ui", verb);
            // a sign of life while the command waits for a sync or a long step prints nothing
            AtomicBoolean ended = new AtomicBoolean();
            long every = UiHandoff.KEEP_ALIVE_EVERY.toMillis();
            ScheduledFuture<?> beat = beats.scheduleAtFixedRate(() -> keepAlive(frames, ended, verb), every, every,
                    TimeUnit.MILLISECONDS);
            int exit;
            try {
                exit = command.run(form, out, err);
            } catch (RuntimeException e) {
                err.println("sincro: " + sentence(e, verb));
                exit = 1;
            } finally {
                beat.cancel(false);
            }
            out.flush();
            err.flush();
            synchronized (frames) {
                ended.set(true);
                frames.writeByte(UiHandoff.EXIT);
                frames.writeInt(exit);
                frames.flush();
            }
        }
    }

    private static void keepAlive(DataOutputStream frames, AtomicBoolean ended, String verb) {
        synchronized (frames) {
            if (ended.get()) {
                return;
            }
            try {
                frames.writeByte(UiHandoff.KEEP_ALIVE);
                frames.writeInt(0);
                frames.flush();
            } catch (IOException gone) {
                // the caller went away; the command's own output finds that too, and it ends as it would
                log.debug("{}'s caller no longer takes its output: {}", verb, gone.toString());
            }
        }
    }

    private static void refuse(HttpExchange exchange, int status, String sentence) throws IOException {
        byte[] body = sentence.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    /** Why the request is not a handoff this ui takes; empty when it is. */
    private Optional<String> refusal(HttpExchange exchange) {
        if (!"POST".equals(exchange.getRequestMethod())) {
            return Optional.of("only POST hands a command to sincro ui");
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        int port = file.port();
        if (!("127.0.0.1:" + port).equals(host) && !("localhost:" + port).equals(host)) {
            return Optional.of("the request names the host " + host + ", not 127.0.0.1:" + port);
        }
        if (exchange.getRequestHeaders().containsKey("Origin")) {
            return Optional.of("a web page may not hand commands to sincro ui");
        }
        String key = exchange.getRequestHeaders().getFirst(UiHandoff.KEY_HEADER);
        if (key == null || !MessageDigest.isEqual(key.getBytes(StandardCharsets.UTF_8),
                file.key().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of("the key is not the one in " + HandoffFile.in(station.folder()) + "; run the"
                    + " command as the user who started sincro ui");
        }
        return Optional.empty();
    }

    /** What a failure that stopped the command says, as the command line's error handler says it. */
    private String sentence(RuntimeException e, String verb) {
        FailureSentence failure = FailureSentence.of(e, verb, station.folder());
        if (failure.unexpected()) {
            log.error("{} handed to sincro ui failed unexpectedly", verb, e);
        } else {
            log.error("{} handed to sincro ui failed: {}", verb, failure.sentence(), e);
        }
        return failure.sentence();
    }

    private static Map<String, String> form(InputStream body) throws IOException {
        String text = new String(body.readNBytes(MAX_FORM), StandardCharsets.UTF_8);
        Map<String, String> form = new HashMap<>();
        for (String pair : text.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    /**
     * Removes the handoff file and takes no more handoffs, waits for the pages' and the handed
     * commands' work to end ({@link StationPages#close()}) and for their answers to be sent, so a
     * command under way still prints its end and exit code where it was run, then stops the server.
     * Waits even when interrupted, as {@link StationPages#close()} does.
     */
    @Override
    public void close() {
        try {
            file.removeFrom(station.folder());
        } finally {
            synchronized (this) {
                stopping = true;
            }
            try {
                pages.close();
                awaitAnswers();
            } finally {
                stopServing();
            }
        }
    }

    /** Until the answers under way are sent, or {@link #ANSWERS_SENT} passed (a caller that reads none). */
    private synchronized void awaitAnswers() {
        boolean interrupted = false;
        long deadline = System.nanoTime() + ANSWERS_SENT.toNanos();
        while (answering > 0 && deadline - System.nanoTime() > 0) {
            try {
                wait(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (answering > 0) {
            log.warn("stopped with {} handed command(s) whose caller did not take the answer within {} s", answering,
                    ANSWERS_SENT.toSeconds());
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopServing() {
        server.stop(0);
        threads.shutdown();
        beats.shutdownNow();
    }

    /** What a command prints on one stream, each write a frame of {@link UiHandoff}'s. */
    private static final class FrameWriter extends Writer {

        private final DataOutputStream frames;
        private final int kind;

        FrameWriter(DataOutputStream frames, int kind) {
            this.frames = frames;
            this.kind = kind;
        }

        @Override
        public void write(char[] text, int offset, int length) throws IOException {
            if (length == 0) {
                return;
            }
            byte[] bytes = new String(text, offset, length).getBytes(StandardCharsets.UTF_8);
            synchronized (frames) {
                frames.writeByte(kind);
                frames.writeInt(bytes.length);
                frames.write(bytes);
            }
        }

        @Override
        public void flush() throws IOException {
            synchronized (frames) {
                frames.flush();
            }
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
