package io.sincro.exchange.ftp;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

import org.apache.commons.net.ftp.FTPSClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An FTPS client whose every data connection resumes the control connection's TLS session, which
 * vsftpd ({@code require_ssl_reuse=YES}, its default) and FileZilla Server insist on: a resumed
 * session proves the data connection comes from the client that logged in.
 *
 * <p>How the JDK (17) is made to resume:
 * <ul>
 *   <li><b>Which session is offered.</b> A client offers the session it cached under the new
 *   socket's peer host and port. A data socket has a port of its own, so it would never match:
 *   here it is opened plain and TLS is layered on it under the control connection's host and
 *   port ({@link ControlPortSocket}).</li>
 *   <li><b>TLS 1.2.</b> The session is resumed by its ID, as often as needed. vsftpd answers the
 *   session-ticket extension with a ticket valid for 2<sup>31</sup> seconds, which the JDK discards
 *   (it keeps none over seven days) before resuming with an ID the server never issued: refused.
 *   {@link ServerTrust} therefore makes the TLS context without that extension, and servers fall
 *   back on their session cache.</li>
 *   <li><b>TLS 1.3.</b> Resuming spends a ticket: the JDK uses each pre-shared key once. The
 *   server sends tickets after the control handshake (OpenSSL two) and one after every resumed
 *   data handshake; the newest one read is the next data connection's. A listing or download
 *   reads it with the data; an upload only writes, so its stream is closed in two steps: it
 *   sends its close_notify and reads until the server closes, which takes in that connection's
 *   ticket (see {@link #storeFileStream}). Without that, the connection after an upload found
 *   no ticket left, made a full handshake and was refused.</li>
 * </ul>
 *
 * <p>Whether a data connection resumed is known from the handshake itself: a resumed handshake
 * carries no server certificate, so {@link ServerTrust} checked none (comparing session IDs works
 * for TLS 1.2 only: a TLS 1.3 resumption makes a session with an ID of its own). Each data
 * connection's outcome is logged at debug level. Servers that do not require reuse accept either.
 */
final class ResumingFtpsClient extends FTPSClient {

    private static final Logger log = LoggerFactory.getLogger(ResumingFtpsClient.class);
    private static final String TLS_13 = "TLSv1.3";

    private final ServerTrust trust;
    private boolean protectData;
    private boolean lastDataSessionResumed;
    private SSLSocket lastDataSocket;

    ResumingFtpsClient(boolean implicit, ServerTrust trust) {
        super(implicit, trust.context());
        this.trust = trust;
        setEndpointCheckingEnabled(trust.checksHostName());
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
        lastDataSocket = null;
        Socket plain = super._openDataConnection_(command, arg);
        if (plain == null || !protectData) {
            return plain;
        }
        SSLSocket tls = (SSLSocket) trust.context().getSocketFactory()
                .createSocket(new ControlPortSocket(plain, getRemotePort()), _hostname_, getRemotePort(), true);
        tls.setUseClientMode(true);
        if (trust.checksHostName()) {
            SSLParameters parameters = tls.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            tls.setSSLParameters(parameters);
        }
        long checksBefore = trust.certificateChecks();
        try {
            tls.startHandshake();
        } catch (IOException e) {
            tls.close();
            throw explained(e);
        }
        lastDataSessionResumed = trust.certificateChecks() == checksBefore;
        lastDataSocket = tls;
        log.debug("data connection for {}: {} {}", command, tls.getSession().getProtocol(),
                lastDataSessionResumed ? "resumed the control connection's TLS session" : "made a new TLS session");
        return tls;
    }

    /**
     * The upload stream; over TLS 1.3 its close reads the server's last word, so the ticket the
     * server sent on this connection is there for the next one.
     */
    @Override
    public OutputStream storeFileStream(String remote) throws IOException {
        OutputStream stream = super.storeFileStream(remote);
        SSLSocket socket = lastDataSocket;
        if (stream == null || socket == null || !TLS_13.equals(socket.getSession().getProtocol())) {
            return stream;
        }
        return new TicketReadingOutputStream(stream, socket);
    }

    /** The TLS version of the control connection ("TLSv1.3"), or "none" before the handshake. */
    String controlProtocol() {
        return _socket_ instanceof SSLSocket control ? control.getSession().getProtocol() : "none";
    }

    /** Whether the last data connection resumed the control connection's TLS session. */
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

    /**
     * Ends an upload with a half close: close_notify first, then the server's records are read
     * until it closes (bounded by the data timeout). A failure there is not the upload's: the
     * server's reply on the control connection and the size check judge the upload.
     */
    private static final class TicketReadingOutputStream extends FilterOutputStream {

        private final SSLSocket socket;
        private boolean closed;

        TicketReadingOutputStream(OutputStream out, SSLSocket socket) {
            super(out);
            this.socket = socket;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            out.write(bytes, offset, length);
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try {
                out.flush();
            } catch (IOException e) {
                out.close();
                throw e;
            }
            try {
                socket.shutdownOutput();
                drain(socket.getInputStream());
            } catch (IOException e) {
                log.debug("closing the upload's data connection: {}", e.toString());
            } finally {
                out.close();
            }
        }

        private static void drain(InputStream in) throws IOException {
            byte[] ignored = new byte[512];
            while (in.read(ignored) >= 0) {
                // a server has nothing to send on an upload's connection but TLS records
            }
        }
    }
}
