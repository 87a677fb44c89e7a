package io.sincro.exchange.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.command.CommandFactory;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.mina.transport.socket.SocketSessionConfig;

/**
 * Apache FtpServer's commands, each making sure first that its session's control connection sends
 * replies at once (TCP_NODELAY), which Apache FtpServer has no setting for.
 *
 * <p>A listing, download or upload ends with two replies in a row: 150 when the data connection
 * opens, 226 when it closed. The client sends nothing between them, so its acknowledgement of the
 * 150 waits for its delayed-acknowledgement timer (40 ms on Linux), and with Nagle's algorithm on,
 * the 226 waits for that acknowledgement: 40 ms more for every transfer, most of a small sync's
 * time against this server. Replies are whole lines written at once, so sending them at once adds
 * no small packets.
 *
 * <p>It is set at the first command after the login, when an explicit FTPS session's TLS handshake
 * is over: set at {@code AUTH TLS}, the server now and then never sent its reply to the {@code USER}
 * that followed the handshake (Apache FtpServer 1.2 on MINA 2.1). Transfers come after the login.
 */
final class NoDelayCommands implements CommandFactory {

    /** The session attribute that says its connection sends at once already. */
    private static final String NO_DELAY = NoDelayCommands.class.getName() + ".set";

    private final CommandFactory commands;
    /** One wrapper for each command, made once rather than at every command the server runs. */
    private final Map<Command, Command> wrapped = new ConcurrentHashMap<>();

    NoDelayCommands(CommandFactory commands) {
        this.commands = commands;
    }

    @Override
    public Command getCommand(String name) {
        Command command = commands.getCommand(name);
        if (command == null) {
            // an unknown command: the server answers 502 itself
            return null;
        }
        return wrapped.computeIfAbsent(command, c -> (session, context, request) -> {
            sendAtOnce(session);
            c.execute(session, context, request);
        });
    }

    private static void sendAtOnce(FtpIoSession session) {
        if (session.isLoggedIn() && session.getAttribute(NO_DELAY) == null && session.getConfig() instanceof SocketSessionConfig config) {
            config.setTcpNoDelay(true);
            session.setAttribute(NO_DELAY, Boolean.TRUE);
        }
    }
}
