package io.sincro.app.cli;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@link #EXIT}) and an int (the length of the UTF-8 text that follows, or the exit code).
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

    private static final int CONNECT_MILLIS = 5000;
    private static final int MAX_FRAME = 1 << 20;
    private static final int MAX_REFUSAL = 2000;

    private final HandoffFile file;
    private final Path location;
    private final Settings settings;

    private UiHandoff(HandoffFile file, Path location, Settings settings) {
        this.file = file;
        this.location = location;
        this.settings = settings;
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
                .filter(f -> ProcessHandle.of(f.pid()).map(ProcessHandle::isAlive).orElse(false));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), found.get().port()), CONNECT_MILLIS);
        } catch (IOException notAnswering) {
            return Optional.empty();
        }
        return Optional.of(new UiHandoff(found.get(), HandoffFile.in(folder), settings));
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
        HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY)
                .connectTimeout(Duration.ofMillis(CONNECT_MILLIS)).build();
        Map<String, String> fields = new TreeMap<>(parameters);
        fields.putAll(SettingsFingerprint.of(settings, file.key()));
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + file.port() + "/" + verb))
                .header(KEY_HEADER, file.key())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                if (response.statusCode() != 200) {
                    String said = new String(body.readNBytes(MAX_REFUSAL), StandardCharsets.UTF_8).strip();
                    throw new HandoffException("sincro ui (process " + file.pid() + ") holds this station and refused"
                            + " to run " + command + ": " + said);
                }
                return copyFrames(new DataInputStream(body), out, err, command);
            }
        } catch (IOException e) {
            throw new HandoffException("sincro ui (process " + file.pid() + ") holds this station, and " + command
                    + " could not run there: 127.0.0.1:" + file.port() + " (from " + location + ") stopped answering ("
                    + e.getMessage() + "); run " + command + " again, or stop sincro ui and run it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HandoffException(command + " was interrupted while it ran in sincro ui (process "
                    + file.pid() + "); what it did there is in sincro log", e);
        }
    }

    private int copyFrames(DataInputStream in, PrintWriter out, PrintWriter err, String command) throws IOException {
        try {
            while (true) {
                int kind = in.readUnsignedByte();
                int value = in.readInt();
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
