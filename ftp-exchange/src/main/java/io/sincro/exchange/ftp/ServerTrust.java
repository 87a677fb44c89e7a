package io.sincro.exchange.ftp;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

import io.sincro.exchange.MailboxException;

/**
 * Decides which server certificates an FTPS connection accepts, and remembers why the last one
 * was refused so the user can be told exactly what to fix.
 *
 * <p>Without a pinned fingerprint, the chain must lead to a certificate in {@code ftp.trustStore}
 * (or, without one, to a public certificate authority the Java runtime trusts) and the
 * certificate must name the host in {@code ftp.host}. With {@code ftp.certificateSha256}, the
 * server must present exactly that certificate, which replaces both checks: it is how a
 * self-signed certificate is trusted. There is no way to trust everything.
 */
final class ServerTrust {

    /** The outcome of the last certificate check. */
    enum Verdict { NOT_CHECKED, TRUSTED, UNTRUSTED_CHAIN, WRONG_HOST, PIN_MISMATCH }

    /**
     * Read by the JDK when a TLS context is made: whether its client offers TLS 1.2 session
     * tickets (TLS 1.3 resumption does not depend on it).
     */
    private static final String SESSION_TICKETS = "jdk.tls.client.enableSessionTicketExtension";

    private final FtpSettings settings;
    private final String protocol;
    private final AtomicLong certificateChecks = new AtomicLong();
    private SSLContext context;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile X509Certificate presented;

    ServerTrust(FtpSettings settings) {
        this(settings, "TLS");
    }

    /**
     * @param protocol the JDK's name for the TLS context: "TLS" for the newest version both sides
     *                 speak, "TLSv1.2" for at most TLS 1.2 (the tests of both versions)
     */
    ServerTrust(FtpSettings settings, String protocol) {
        this.settings = settings;
        this.protocol = protocol;
    }

    /** Whether the host name is checked; a pinned certificate replaces that check. */
    boolean checksHostName() {
        return settings.certificateSha256() == null;
    }

    /**
     * The TLS context for this server, built on first use, without TLS 1.2 session tickets: data
     * connections resume the control connection's session by its ID (see {@link ResumingFtpsClient}).
     */
    synchronized SSLContext context() {
        if (context == null) {
            try {
                SSLContext tls = withoutSessionTickets(protocol);
                tls.init(null, new TrustManager[] {new CheckingTrustManager(delegate())}, null);
                context = tls;
            } catch (GeneralSecurityException e) {
                throw new MailboxException("the Java runtime cannot set up TLS (" + e.getMessage()
                        + "); use a complete Java 17 runtime", MailboxException.Step.CONNECT, false, null, e);
            }
        }
        return context;
    }

    /**
     * A new TLS context whose client sends no TLS 1.2 session-ticket extension. The JDK reads
     * that setting only from a system property, when the context is made; it is set for that
     * moment and put back, under a lock shared by every mailbox.
     */
    private static SSLContext withoutSessionTickets(String protocol) throws GeneralSecurityException {
        synchronized (ServerTrust.class) {
            String before = System.getProperty(SESSION_TICKETS);
            System.setProperty(SESSION_TICKETS, "false");
            try {
                return SSLContext.getInstance(protocol);
            } finally {
                if (before == null) {
                    System.clearProperty(SESSION_TICKETS);
                } else {
                    System.setProperty(SESSION_TICKETS, before);
                }
            }
        }
    }

    /**
     * How many server certificates this context has checked: a handshake that checked none
     * resumed an earlier session, whatever the TLS version.
     */
    long certificateChecks() {
        return certificateChecks.get();
    }

    /** Forgets the previous verdict before a new connection. */
    void reset() {
        verdict = Verdict.NOT_CHECKED;
        presented = null;
    }

    Verdict verdict() {
        return verdict;
    }

    /** The certificate the server presented in the last handshake. */
    Optional<X509Certificate> presented() {
        return Optional.ofNullable(presented);
    }

    /** The DNS names and addresses a certificate is valid for, for messages. */
    static List<String> namesIn(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> alternatives = certificate.getSubjectAlternativeNames();
            if (alternatives != null) {
                for (List<?> entry : alternatives) {
                    int type = (Integer) entry.get(0);
                    if (type == 2 || type == 7) { // dNSName, iPAddress
                        names.add(String.valueOf(entry.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall back on the subject below
        }
        if (names.isEmpty()) {
            names.add(certificate.getSubjectX500Principal().getName());
        }
        return names;
    }

    private X509ExtendedTrustManager delegate() throws GeneralSecurityException {
        if (settings.certificateSha256() != null) {
            return null;
        }
        KeyStore store = null;
        if (settings.trustStore() != null) {
            String password = settings.trustStorePassword();
            try {
                store = KeyStore.getInstance(settings.trustStore().toFile(),
                        password == null ? null : password.toCharArray());
            } catch (IOException | GeneralSecurityException e) {
                throw new MailboxException("the trust store " + settings.trustStore() + " (ftp.trustStore) cannot be read ("
                        + e.getMessage() + "); check the file and ftp.trustStorePassword",
                        MailboxException.Step.SETTINGS, false, null, e);
            }
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /**
     * Checks the chain first and the host name second, so that a refusal can say which of the
     * two failed. Extending {@link X509ExtendedTrustManager} keeps the JDK's host name check,
     * which it only performs for extended trust managers given the socket.
     */
    private final class CheckingTrustManager extends X509ExtendedTrustManager {

        private final X509ExtendedTrustManager chainCheck;

        CheckingTrustManager(X509ExtendedTrustManager chainCheck) {
            this.chainCheck = chainCheck;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            check(chain, authType, () -> chainCheck.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            check(chain, authType, () -> chainCheck.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, authType, () -> { });
        }

        private void check(X509Certificate[] chain, String authType, HostCheck hostCheck) throws CertificateException {
            certificateChecks.incrementAndGet();
            presented = chain.length > 0 ? chain[0] : null;
            if (chainCheck == null) {
                Fingerprint pinned = Fingerprint.parse(settings.certificateSha256());
                if (presented == null || !Fingerprint.of(presented).equals(pinned)) {
                    verdict = Verdict.PIN_MISMATCH;
                    throw new CertificateException("the server certificate is not the one pinned in ftp.certificateSha256");
                }
                verdict = Verdict.TRUSTED;
                return;
            }
            try {
                chainCheck.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                verdict = Verdict.UNTRUSTED_CHAIN;
                throw e;
            }
            try {
                hostCheck.run();
            } catch (CertificateException e) {
                verdict = Verdict.WRONG_HOST;
                throw e;
            }
            verdict = Verdict.TRUSTED;
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            throw new CertificateException("Sincro never accepts incoming TLS connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            throw new CertificateException("Sincro never accepts incoming TLS connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("Sincro never accepts incoming TLS connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return chainCheck == null ? new X509Certificate[0] : chainCheck.getAcceptedIssuers();
        }
    }

    @FunctionalInterface
    private interface HostCheck {
        void run() throws CertificateException;
    }
}
