package io.sincro.exchange.server;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code sincro mailbox serve --sftp} serves, and how. {@link #toString()} never shows the password.
 *
 * @param root           the folder served; {@code SincroAg} and {@code SincroSede} are made in it
 * @param bindAddress    address to listen on; loopback unless other computers must connect
 * @param port           port to listen on, 0 for any free port
 * @param username       the one user allowed in
 * @param password       that user's password, or null to allow key logins only
 * @param hostKey        file keeping the server's host key (made on first start, so the fingerprint
 *                       stations pin stays the same); never inside the served folder
 * @param authorizedKeys an OpenSSH authorized_keys file whose keys may log in, or null
 */
public record SftpServeOptions(
        Path root,
        String bindAddress,
        int port,
        String username,
        String password,
        Path hostKey,
        Path authorizedKeys) {

    public SftpServeOptions {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(hostKey, "hostKey");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("the port " + port + " is not between 0 and 65535");
        }
        if (password == null && authorizedKeys == null) {
            throw new IllegalArgumentException("give the user a password or authorized keys");
        }
        if (hostKey.toAbsolutePath().normalize().startsWith(root.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("the host key cannot be kept inside the served folder, where every"
                    + " station could read it");
        }
    }

    /** Password login on 127.0.0.1, on {@code port} (0 for any free port). */
    public static SftpServeOptions loopback(Path root, int port, String username, String password, Path hostKey) {
        return new SftpServeOptions(root, ServeOptions.LOOPBACK, port, username, password, hostKey, null);
    }

    public SftpServeOptions withBindAddress(String address) {
        return new SftpServeOptions(root, address, port, username, password, hostKey, authorizedKeys);
    }

    public SftpServeOptions withAuthorizedKeys(Path file) {
        return new SftpServeOptions(root, bindAddress, port, username, password, hostKey, file);
    }

    @Override
    public String toString() {
        return "SftpServeOptions[root=" + root + ", bindAddress=" + bindAddress + ", port=" + port
                + ", username=" + username + ", password=" + (password == null ? "(none)" : "(hidden)")
                + ", hostKey=" + hostKey + ", authorizedKeys=" + authorizedKeys + "]";
    }
}
