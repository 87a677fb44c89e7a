package io.sincro.exchange.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Objects;

import io.sincro.exchange.ftp.TlsMode;

/**
 * What {@code sincro mailbox serve} serves, and how. {@link #toString()} never shows passwords.
 *
 * @param root             the folder served; {@code SincroAg} and {@code SincroSede} are made in it
 * @param bindAddress      address to listen on; loopback unless other computers must connect
 * @param port             port to listen on, 0 for any free port
 * @param username         the one user allowed in, or null for anonymous access (loopback only)
 * @param password         that user's password, or null
 * @param tls              NONE, or EXPLICIT / IMPLICIT FTPS with the certificate in {@code keyStore}
 * @param keyStore         PKCS12 or JKS key store holding the server's certificate and key, or null
 * @param keyStorePassword its password, or null
 */
public record ServeOptions(
        Path root,
        String bindAddress,
        int port,
        String username,
        String password,
        TlsMode tls,
        Path keyStore,
        String keyStorePassword) {

    public static final String LOOPBACK = "127.0.0.1";

    public ServeOptions {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(tls, "tls");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port " + port + " is not between 0 and 65535");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("give both a user and a password, or neither");
        }
        if (tls != TlsMode.NONE && keyStore == null) {
            throw new IllegalArgumentException("FTPS needs a key store with the server's certificate");
        }
    }

    /** Plain FTP on 127.0.0.1, anonymous, on {@code port} (0 for any free port). */
    public static ServeOptions loopback(Path root, int port) {
        return new ServeOptions(root, LOOPBACK, port, null, null, TlsMode.NONE, null, null);
    }

    public ServeOptions withUser(String newUsername, String newPassword) {
        return new ServeOptions(root, bindAddress, port, newUsername, newPassword, tls, keyStore, keyStorePassword);
    }

    public ServeOptions withBindAddress(String address) {
        return new ServeOptions(root, address, port, username, password, tls, keyStore, keyStorePassword);
    }

    public ServeOptions withTls(TlsMode mode, Path newKeyStore, String newKeyStorePassword) {
        return new ServeOptions(root, bindAddress, port, username, password, mode, newKeyStore, newKeyStorePassword);
    }

    /** The host a station names to reach a server listening on {@code bindAddress}. */
    static String stationHost(String bindAddress) {
        if ("0.0.0.0".equals(bindAddress) || "::".equals(bindAddress)) {
            return "<this computer's address>";
        }
        return bindAddress;
    }

    /** Whether only this computer can connect. */
    public boolean isLoopbackOnly() {
        try {
            return InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ServeOptions[root=" + root + ", bindAddress=" + bindAddress + ", port=" + port
                + ", username=" + (username == null ? "(anonymous)" : username)
                + ", password=" + (password == null ? "(none)" : "(hidden)")
                + ", tls=" + tls + ", keyStore=" + keyStore
                + ", keyStorePassword=" + (keyStorePassword == null ? "(none)" : "(hidden)") + "]";
    }
}
