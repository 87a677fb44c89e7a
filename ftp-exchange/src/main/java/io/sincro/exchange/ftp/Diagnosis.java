package io.sincro.exchange.ftp;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.net.ssl.SSLException;

import org.apache.commons.net.ftp.FTPConnectionClosedException;

import io.sincro.exchange.MailboxException;
import io.sincro.exchange.MailboxException.Step;

/**
 * Turns what went wrong on the wire into a sentence for the user, and decides whether trying
 * again can help: 4xx replies, dropped connections and timeouts are transient; 5xx replies,
 * refused certificates, unknown hosts and TLS mismatches are not.
 */
final class Diagnosis {

    /** vsftpd says "session reuse required"; other servers speak of resuming the session. */
    private static final Pattern SESSION_REUSE = Pattern.compile("(?i)session reuse|reuse.*session|resum");
    private static final int REPLY_SSL_FAILED = 522;

    private final FtpSettings settings;
    private final ServerTrust trust;

    Diagnosis(FtpSettings settings, ServerTrust trust) {
        this.settings = settings;
        this.trust = trust;
    }

    /**
     * @param failure    what was thrown
     * @param step       the step being attempted
     * @param what       the attempt, as the start of a sentence
     * @param connecting whether the connection was being opened
     */
    Failure explain(IOException failure, Step step, String what, boolean connecting) {
        if (failure instanceof Refusal refusal) {
            return refused(refusal, step, what);
        }
        if (failure instanceof BrokenTransfer) {
            return new Failure(step, what, failure.getMessage(), true, null, null, failure);
        }
        Failure certificate = certificateProblem(failure, what);
        if (certificate != null) {
            return certificate;
        }
        if (failure instanceof SSLException) {
            if (connecting) {
                return new Failure(Step.CONNECT, what, "failed in the TLS handshake (" + failure.getMessage() + ")",
                        false, null, "check ftp.tls (now " + settings.tls() + ") and ftp.port (now " + settings.port()
                                + "): explicit FTPS usually listens on port 21, implicit FTPS on port 990", failure);
            }
            return new Failure(step, what, "failed: the encrypted connection broke (" + failure.getMessage() + ")",
                    true, null, null, failure);
        }
        if (failure instanceof FTPConnectionClosedException) {
            String reply = failure.getMessage() != null && failure.getMessage().contains("421") ? "421" : null;
            return new Failure(step, what, "failed: the server closed the connection"
                    + (reply == null ? "" : " (reply 421)"), true, reply, null, failure);
        }
        if (failure instanceof UnknownHostException) {
            return new Failure(Step.CONNECT, what, "failed: the host name " + settings.host() + " cannot be resolved",
                    false, null, "check ftp.host and whether this computer is connected to the network", failure);
        }
        if (failure instanceof ConnectException) {
            return new Failure(Step.CONNECT, what, "failed: nothing accepted the connection at " + settings.host()
                    + ":" + settings.port() + " (" + failure.getMessage() + ")", true, null,
                    "if this persists, check ftp.host and ftp.port and whether the server is running", failure);
        }
        if (failure instanceof NoRouteToHostException) {
            return new Failure(Step.CONNECT, what, "failed: there is no network route to " + settings.host(), true,
                    null, "check this computer's network connection", failure);
        }
        // Commons Net wraps a missing greeting in a plain IOException caused by the timeout
        if (failure instanceof SocketTimeoutException || failure.getCause() instanceof SocketTimeoutException) {
            boolean connectTimeout = failure instanceof SocketTimeoutException && failure.getMessage() != null
                    && failure.getMessage().toLowerCase(Locale.ROOT).startsWith("connect timed out");
            String outcome = connectTimeout
                    ? "timed out after " + describe(settings.connectTimeout()) + " while connecting (ftp.connectTimeoutSeconds)"
                    : "timed out after " + describe(settings.controlTimeout())
                            + " waiting for the server's answer (ftp.controlTimeoutSeconds)";
            return new Failure(connecting ? Step.CONNECT : step, what, outcome, true, null, null, failure);
        }
        if (failure instanceof SocketException || failure instanceof EOFException) {
            return new Failure(step, what, "failed: the connection broke (" + failure.getMessage() + ")", true, null,
                    null, failure);
        }
        return new Failure(step, what, "failed (" + failure + ")", true, null, null, failure);
    }

    /** "30 s", or "300 ms" for the short timeouts of tests. */
    static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    private Failure refused(Refusal refusal, Step step, String what) {
        Step refusedStep = refusal.step() != null ? refusal.step() : step;
        String refusedWhat = refusal.what() != null ? refusal.what() : what;
        if (refusal.code() == REPLY_SSL_FAILED || SESSION_REUSE.matcher(refusal.reply()).find()) {
            return new Failure(refusedStep, refusedWhat, "was refused because the server requires data connections"
                    + " to reuse the control connection's TLS session and this one did not (reply "
                    + refusal.reply() + ")", false, refusal.reply(),
                    "ask the server's administrator to turn that requirement off (vsftpd: require_ssl_reuse=NO)"
                            + " or to upgrade the server", refusal);
        }
        String advice = refusal.advice();
        if (advice == null && !refusal.isTransient()) {
            advice = "ask the server's administrator what the reply means";
        }
        return new Failure(refusedStep, refusedWhat, "was refused (reply " + refusal.reply() + ")",
                refusal.isTransient(), refusal.reply(), advice, refusal);
    }

    private Failure certificateProblem(IOException failure, String what) {
        if (!(failure instanceof SSLException) && !(failure.getCause() instanceof SSLException)) {
            return null;
        }
        X509Certificate certificate = trust.presented().orElse(null);
        if (certificate == null) {
            return null;
        }
        Fingerprint fingerprint = Fingerprint.of(certificate);
        String subject = certificate.getSubjectX500Principal().getName();
        switch (trust.verdict()) {
            case UNTRUSTED_CHAIN:
                return new Failure(Step.CONNECT, what, "was stopped: the server's certificate (" + subject
                        + ", SHA-256 " + fingerprint + ") is not signed by an authority this computer trusts", false, null,
                        "if you have checked with the server's administrator that this is its certificate, add it to"
                                + " ftp.trustStore or set ftp.certificateSha256=" + fingerprint, failure);
            case WRONG_HOST:
                return new Failure(Step.CONNECT, what, "was stopped: the server's certificate is for "
                        + String.join(", ", ServerTrust.namesIn(certificate)) + ", not for " + settings.host(), false,
                        null, "set ftp.host to a name the certificate is for, or ask the administrator for a"
                                + " certificate that names " + settings.host(), failure);
            case PIN_MISMATCH:
                return new Failure(Step.CONNECT, what, "was stopped: the server's certificate has SHA-256 "
                        + fingerprint + ", not the one in ftp.certificateSha256", false, null,
                        "if the server's certificate was renewed, check the new fingerprint with its administrator"
                                + " and put it in ftp.certificateSha256; otherwise someone may be intercepting the"
                                + " connection", failure);
            default:
                return null;
        }
    }

    /**
     * A failure, explained.
     *
     * @param outcome what happened, continuing the sentence started by {@code what}
     * @param advice  what the user can do, or null
     */
    record Failure(Step step, String what, String outcome, boolean transientFailure, String reply, String advice,
                   Throwable cause) {

        /** What went wrong, without what to do: for the log line written before a retry. */
        String summary() {
            return what + " " + outcome;
        }

        /** The exception for the caller, after {@code attempts} attempts. */
        MailboxException toException(int attempts) {
            StringBuilder next = new StringBuilder();
            if (transientFailure) {
                if (advice != null) {
                    next.append(advice).append("; ");
                }
                if (attempts > 1) {
                    next.append("tried ").append(attempts).append(" times; ");
                }
                next.append("the next sync tries again");
            } else {
                next.append(advice);
            }
            return new MailboxException(summary() + "; " + next, step, transientFailure, reply, cause);
        }
    }
}
