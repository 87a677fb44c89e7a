package io.sincro.exchange.ftp;

import java.io.IOException;
import java.net.Socket;
import java.util.Arrays;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FTPS client whose data connections resume the control connection's TLS session.
 *
 * <p>vsftpd (with its default {@code require_ssl_reuse=YES}) and other servers refuse a data
 * connection that starts a new TLS session, because a session resumed from the control
 * connection proves the data connection comes from the same client. The JDK offers a cached
 * session when the new socket's peer host and port are those of the cached one; a data socket has
 * its own port, so it never matches. Here the data socket is opened plain and TLS is layered on
 * it under the control connection's host and port (see {@link ControlPortSocket}), which makes
 * the JDK offer the control session. Servers that do not care simply complete a full handshake.
 */
final class ResumingFtpsClient extends FTPSClient {

    private static final Logger log = LoggerFactory.getLogger(ResumingFtpsClient.class);

    private final SSLContext context;
    private final boolean checkHostName;
    private boolean protectData;
    private boolean lastDataSessionResumed;

    ResumingFtpsClient(boolean implicit, SSLContext context, boolean checkHostName) {
        super(implicit, context);
        this.context = context;
        this.checkHostName = checkHostName;
        setEndpointCheckingEnabled(checkHostName);
    }

    @Override
    public void execPROT(String prot) throws IOException {
        super.execPROT(prot);
        protectData = "P".equals(prot);
        if (protectData) {
            // PROT P installed a factory that makes TLS sockets keyed by the data port; data
            // sockets are opened plain instead and wrapped below
            setSocketFactory(null);
        }
    }

    @Override
    protected Socket _openDataConnection_(String command, String arg) throws IOException {
        Socket plain = super._openDataConnection_(command, arg);
        if (plain == null || !protectData) {
            return plain;
        }
        SSLSocket tls = (SSLSocket) context.getSocketFactory()
                .createSocket(new ControlPortSocket(plain, getRemotePort()), _hostname_, getRemotePort(), true);
        tls.setUseClientMode(true);
        if (checkHostName) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        try {
            tls.startHandshake();
        } catch (IOException e) {
            tls.close();
            throw explained(e);
        }
        lastDataSessionResumed = _socket_ instanceof SSLSocket control
                && Arrays.equals(control.getSession().getId(), tls.getSession().getId());
        log.debug("data connection for {}: TLS session {}", command, lastDataSessionResumed ? "resumed" : "new");
        return tls;
    }

    /** Whether the last data connection resumed the control connection's TLS session (seen with TLS 1.2). */
    boolean lastDataSessionResumed() {
        return lastDataSessionResumed;
    }

    /**
     * A server that refuses the data handshake says why on the control connection (vsftpd:
     * "522 SSL connection failed: session reuse required"); that reply is worth more to the user
     * than the handshake exception.
     */
    private IOException explained(IOException handshakeFailure) {
        try {
            int code = getReply();
            if (code >= 400) {
                Refusal refusal = new Refusal(null, null, code, Refusal.replyText(this), null);
                refusal.initCause(handshakeFailure);
                return refusal;
            }
        } catch (IOException e) {
            handshakeFailure.addSuppressed(e);
        }
        return handshakeFailure;
    }
}
