package io.sincro.app.ui;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Opens an address in the user's default browser: through Java's desktop support where the
 * machine has it, else with the system's opener (xdg-open, open, or Windows' URL handler).
 */
final class DefaultBrowser {

    private DefaultBrowser() {
    }

    /** Opens {@code address}; empty when it did, else why not, in one sentence. */
    static Optional<String> open(URI address) {
        try {
            if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                    && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                Desktop.getDesktop().browse(address);
                return Optional.empty();
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            // falls through to the system's opener
        }
        List<String> command = opener(address);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("could not open a browser (" + command.get(0) + ": " + e.getMessage() + ")");
        }
    }

    private static List<String> opener(URI address) {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler", address.toString());
        }
        if (os.contains("mac")) {
            return List.of("open", address.toString());
        }
        return List.of("xdg-open", address.toString());
    }
}
