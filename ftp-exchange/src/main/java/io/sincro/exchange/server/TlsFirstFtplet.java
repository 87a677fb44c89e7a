package io.sincro.exchange.server;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;

import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/**
 * On a server with explicit TLS, refuses a login before {@code AUTH TLS}: otherwise a client (or a
 * downgrade in the middle) could send the password in clear on a server that offers TLS.
 */
final class TlsFirstFtplet extends DefaultFtplet {

    private static final Set<String> LOGIN = Set.of("USER", "PASS");

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
        if (!session.isSecure() && LOGIN.contains(request.getCommand().toUpperCase(Locale.ROOT))) {
            session.write(new DefaultFtpReply(FtpReply.REPLY_530_NOT_LOGGED_IN, "this server requires AUTH TLS before"
                    + " the login, so the password never travels in clear"));
            return FtpletResult.SKIP;
        }
        return FtpletResult.DEFAULT;
    }
}
