package io.sincro.app.cli;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.sincro.app.settings.Settings;

/**
 * A running {@code sincro ui} of this station, found through its {@link HandoffFile}, and a command
 * handed to it: while the ui holds the station (its lock and its database, which one program at a
 * time can open), {@code sincro sync} and {@code sincro status} run inside it and print here what
 * they print there, ending with its exit code, so a scheduled sync still runs.
 *
 * <p>The request is a POST to 127.0.0.1 carrying the key in the file, which only the station's
 * owner can read; the answer is a stream of frames, each a kind byte ({@link #OUT}, {@link #ERR},
 * {@link #EXIT}, {@link #KEEP_ALIVE}) and an int (the length of the UTF-8 text that follows, or the
 * exit code). A ui that sends no frame for {@link #IDLE_TIMEOUT} is taken for stuck.
 */
public final class UiHandoff {

    /** The header carrying the handoff file's key. */
    public static final String KEY_HEADER = "X-Sincro-Key";
    /** A frame of the command's standard output. */
    public static final int OUT = 'o';
    /** A frame of the command's standard error. */
    public static final int ERR = 'e';
    /** The last frame: the command's exit code. */
    public static final int EXIT = 'x';
    /** A frame with nothing in it (length 0), which the ui sends at least this often while a command runs. */
    public static final int KEEP_ALIVE = 'k';
    /** How often the ui sends {@link #KEEP_ALIVE} while a command runs. */
    public static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(15);
    /** How long the command waits for a frame before it takes the ui for stuck: four keep-alives missed. */
    static final Duration IDLE_TIMEOUT = KEEP_ALIVE_EVERY.multipliedBy(4);

    private static final int CONNECT_MILLIS = 5000;
    private static final int MAX_FRAME = 1 << 20;
    private static final int MAX_REFUSAL = 2000;

    private final HandoffFile file;
    private final Path location;
    private final Settings settings;
    private final Duration idleTimeout;

    private UiHandoff(HandoffFile file, Path location, Settings settings, Duration idleTimeout) {
        this.file = file;
        this.location = location;
        this.settings = settings;
        this.idleTimeout = idleTimeout;
    }

    /** This handoff, waiting {@code idleTimeout} for each frame instead of {@link #IDLE_TIMEOUT}. */
    UiHandoff withIdleTimeout(Duration idleTimeout) {
        return new UiHandoff(file, location, settings, idleTimeout);
    }

    /**
     * The ui the handoff file in the folder of {@code settings} names, when it is there for their
     * database, its process lives and its port answers; empty otherwise (no ui, or one that was
     * killed). A command handed to it carries the fingerprint of {@code settings}
     * ({@link SettingsFingerprint}): the ui runs it only with the same.
     */
    public static Optional<UiHandoff> find(Settings settings) {
        Path folder = settings.folder();
        Path database = settings.databasePath();
        Optional<HandoffFile> found = HandoffFile.readFrom(folder)
                .filter(f -> f.database().equals(database.toAbsolutePath().normalize()))
                .filter(HandoffFile::answers);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new UiHandoff(found.get(), HandoffFile.in(folder), settings, IDLE_TIMEOUT));
    }

    /** The ui's process. */
    public long pid() {
        return file.pid();
    }

    /**
     * Runs {@code sincro VERB} in the ui with {@code parameters}, printing what it prints on
     * {@code out} and {@code err} as it goes.
     *
     * @return the command's exit code there
     * @throws HandoffException when the ui refuses the handoff or stops answering, in one sentence
     */
    public int run(String verb, Map<String, String> parameters, PrintWriter out, PrintWriter err) {
        String command = "sincro " + verb;
        Map<String, String> fields = new TreeMap<>(parameters);
        fields.putAll(SettingsFingerprint.of(settings, file.key()));
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        HttpURLConnection connection = null;
        try {
            // java.net.http has no timeout per read of a body: this one's socket does
            connection = (HttpURLConnection) URI.create("http://127.0.0.1:" + file.port() + "/" + verb).toURL()
                    .openConnection(Proxy.NO_PROXY);
            connection.setConnectTimeout(CONNECT_MILLIS);
            connection.setReadTimeout(Math.toIntExact(idleTimeout.toMillis()));
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setUseCaches(false);
            connection.setFixedLengthStreamingMode(body.length);
            connection.setRequestProperty(KEY_HEADER, file.key());
            connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded");
            try (OutputStream request = connection.getOutputStream()) {
                request.write(body);
            }
            if (connection.getResponseCode() != 200) {
                String said = "";
                try (InputStream refusal = connection.getErrorStream()) {
                    if (refusal != null) {
                        said = new String(refusal.readNBytes(MAX_REFUSAL), StandardCharsets.UTF_8).strip();
                    }
                }
                throw new HandoffException("sincro ui (process " + file.pid() + ") holds this station and refused"
                        + " to run " + command + ": " + said);
            }
            try (InputStream answer = connection.getInputStream()) {
                return copyFrames(new DataInputStream(answer), out, err, command);
            }
        } catch (SocketTimeoutException e) {
            throw new HandoffException("sincro ui (process " + file.pid() + ") holds this station and sent nothing"
                    + " about " + command + " for " + idleTimeout.toSeconds() + " s, not even the sign of life it"
                    + " sends every " + KEEP_ALIVE_EVERY.toSeconds() + " s, so it seems stuck; what " + command
                    + " did there is in sincro log: stop sincro ui (Ctrl-C in its window, or end process "
                    + file.pid() + ") and run " + command + " again", e);
        } catch (IOException e) {
            throw new HandoffException("sincro ui (process " + file.pid() + ") holds this station, and " + command
                    + " could not run there: 127.0.0.1:" + file.port() + " (from " + location + ") " + failure(e)
                    + "; run " + command + " again, or stop sincro ui and run it", e);
        } finally {
            if (connection != null) {
                connection.disconnect();
            }
        }
    }

    /** How the connection to the ui failed, to follow its address. */
    private static String failure(IOException e) {
        if (e instanceof ConnectException) {
            return "refused the connection";
        }
        if (e instanceof SocketException || e instanceof EOFException) {
            return "closed the connection before it answered";
        }
        // what is left is rare; its type says more than a library's text, which may be none
        return "stopped answering (" + e.getClass().getSimpleName() + ")";
    }

    private int copyFrames(DataInputStream in, PrintWriter out, PrintWriter err, String command) throws IOException {
        try {
            while (true) {
                int kind = in.readUnsignedByte();
                int value = in.readInt();
                if (kind == KEEP_ALIVE && value == 0) {
                    continue;
                }
                if (kind == EXIT) {
                    out.flush();
                    err.flush();
                    return value;
                }
                if ((kind != OUT && kind != ERR) || value < 0 || value > MAX_FRAME) {
                    throw new HandoffException("sincro ui at 127.0.0.1:" + file.port() + " answered " + command
                            + " with something that is not Sincro's; check which program listens there (" + location
                            + " names it)");
                }
                String text = new String(in.readNBytes(value), StandardCharsets.UTF_8);
                PrintWriter to = kind == OUT ? out : err;
                to.print(text);
                to.flush();
            }
        } catch (EOFException e) {
            throw new HandoffException("sincro ui (process " + file.pid() + ") stopped before " + command
                    + " ended there; run " + command + " again (what did not finish is retried, nothing is lost)", e);
        }
    }

    /** A handoff that could not be made or did not end, in one sentence. */
    static final class HandoffException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        HandoffException(String message) {
            super(message);
        }

        HandoffException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
