package io.sincro.exchange.sftp;

import java.net.SocketAddress;
import java.security.PublicKey;
import java.util.regex.Pattern;

import org.apache.sshd.client.keyverifier.ServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.digest.BuiltinDigests;

/**
 * Accepts only the host key whose SHA-256 fingerprint is pinned in {@code ftp.hostKeySha256}.
 * There is no list of known hosts to trust on first use: a station's settings travel to laptops,
 * and the first contact may be the one that is intercepted. Without a pin, the connection stops
 * and the message shows the fingerprint the server presented, to be checked and pinned.
 */
final class HostKeyCheck implements ServerKeyVerifier {

    /** As {@code ssh-keygen -l} prints it: SHA256: and 43 characters of unpadded base64. */
    private static final Pattern FINGERPRINT = Pattern.compile("(?i:SHA256:)?[A-Za-z0-9+/]{43}=?");

    /** The outcome of the last check. */
    enum Verdict { NOT_CHECKED, ACCEPTED, NOT_PINNED, MISMATCH }

    private final String pinned;
    private volatile Verdict verdict = Verdict.NOT_CHECKED;
    private volatile String presented;
    private volatile String presentedType;

    /** @param pinned the fingerprint to accept, or null to accept none */
    HostKeyCheck(String pinned) {
        this.pinned = pinned;
    }

    @Override
    public boolean verifyServerKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        presented = fingerprint(serverKey);
        presentedType = KeyUtils.getKeyType(serverKey);
        if (pinned == null) {
            verdict = Verdict.NOT_PINNED;
            return false;
        }
        verdict = presented.equals(pinned) ? Verdict.ACCEPTED : Verdict.MISMATCH;
        return verdict == Verdict.ACCEPTED;
    }

    Verdict verdict() {
        return verdict;
    }

    /** "SHA256:...", the fingerprint of the key presented in the last check. */
    String presented() {
        return presented;
    }

    /** The presented key's type, such as ssh-ed25519. */
    String presentedType() {
        return presentedType;
    }

    void reset() {
        verdict = Verdict.NOT_CHECKED;
        presented = null;
        presentedType = null;
    }

    static String fingerprint(PublicKey key) {
        return KeyUtils.getFingerPrint(BuiltinDigests.sha256, key);
    }

    static boolean isFingerprint(String text) {
        return FINGERPRINT.matcher(text.strip()).matches();
    }

    /** "SHA256:" and the 43 base64 characters, whichever way it was written. */
    static String normalize(String text) {
        String value = text.strip();
        if (!isFingerprint(value)) {
            throw new IllegalArgumentException("'" + text + "' is not a host key fingerprint");
        }
        String base64 = value.length() > 44 ? value.substring(7) : value;
        if (base64.endsWith("=")) {
            base64 = base64.substring(0, base64.length() - 1);
        }
        return "SHA256:" + base64;
    }
}
