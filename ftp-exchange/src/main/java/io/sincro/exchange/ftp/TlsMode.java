package io.sincro.exchange.ftp;

import java.util.Locale;

/** How the FTP connection is protected (setting {@code ftp.tls}). */
public enum TlsMode {
    /** Plain FTP: password and data travel in clear; only for trusted networks and trials. */
    NONE,
    /** FTPS, explicit: connect on the FTP port (21) and switch to TLS with AUTH TLS. */
    EXPLICIT,
    /** FTPS, implicit: TLS from the first byte, usually on port 990. */
    IMPLICIT;

    /** The port a server with this mode usually listens on. */
    public int defaultPort() {
        return this == IMPLICIT ? 990 : 21;
    }

    /** Reads {@code none}, {@code explicit} or {@code implicit}, in any case. */
    public static TlsMode parse(String text) {
        try {
            return valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not none, explicit or implicit", e);
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
