package io.sincro.exchange.server;

/**
 * Something a client did on the mailbox server, for the console of {@code sincro mailbox serve}.
 *
 * @param user      who did it
 * @param action    "logged in", "stored", "retrieved", "renamed to", "deleted" or "created folder"
 * @param path      the file or folder, from the served root ("/SincroAg/A01/A01-000001.sincro"),
 *                  or empty for a login
 * @param encrypted for a transfer, whether its data connection was encrypted (PROT P); for
 *                  anything else, whether the control connection was
 */
public record ServerEvent(String user, String action, String path, boolean encrypted) {

    @Override
    public String toString() {
        return user + " " + action + (path.isEmpty() ? "" : " " + path) + (encrypted ? " (encrypted)" : "");
    }
}
