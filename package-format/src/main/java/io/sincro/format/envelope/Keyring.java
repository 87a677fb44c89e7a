package io.sincro.format.envelope;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import io.sincro.format.PackageName;
import io.sincro.format.PackageRefusedException;
import io.sincro.format.PackageRefusedException.Reason;
import io.sincro.format.PackageStream;
import io.sincro.format.seal.Seal;

/**
 * The keys one station holds, and the rules they impose on its packages. A station holding the head
 * office's signing key (the whole key pair at the head office, its public half at an agent) is
 * <em>protected</em>: every package it writes is encrypted (an agent's streams, under that agent's
 * {@link StreamKey}) or signed (the catalog), and every package it reads must be, by the key its
 * stream needs; anything else is refused as {@link Reason#FORGED}. A station with no keys
 * ({@link #none()}) writes and reads packages sealed with SHA-256 only, as before keys existed, and
 * refuses encrypted ones it cannot open.
 */
public final class Keyring {

    private static final byte[] SIGNATURE_CONTEXT = "sincro-seal-signature-1\n".getBytes(StandardCharsets.US_ASCII);

    private final SigningKey signing;
    private final Map<String, StreamKey> streamKeys;

    private Keyring(SigningKey signing, Map<String, StreamKey> streamKeys) {
        this.signing = signing;
        this.streamKeys = streamKeys;
    }

    /** No keys: packages in clear, sealed with SHA-256 only. */
    public static Keyring none() {
        return new Keyring(null, Map.of());
    }

    /**
     * A protected station's keys: the head office's signing key (whole, or its public half) and the
     * stream keys of the agents whose streams it reads and writes (every agent's at the head office,
     * its own at an agent).
     */
    public static Keyring of(SigningKey signing, Collection<StreamKey> keys) {
        Map<String, StreamKey> byAgent = new TreeMap<>();
        for (StreamKey key : keys) {
            if (byAgent.put(key.agentCode(), key) != null) {
                throw new IllegalArgumentException("two keys of agent " + key.agentCode() + "; a station holds one");
            }
        }
        return new Keyring(java.util.Objects.requireNonNull(signing, "signing"), Map.copyOf(byAgent));
    }

    /** Whether this station encrypts and signs what it writes and accepts nothing else. */
    public boolean protects() {
        return signing != null;
    }

    public Optional<SigningKey> signingKey() {
        return Optional.ofNullable(signing);
    }

    public Optional<StreamKey> streamKey(String agentCode) {
        return Optional.ofNullable(streamKeys.get(agentCode));
    }

    /** The same keyring with {@code key} in place of the agent's current one (a rekeyed agent). */
    public Keyring with(StreamKey key) {
        Map<String, StreamKey> keys = new TreeMap<>(streamKeys);
        keys.put(key.agentCode(), key);
        return new Keyring(signing, Map.copyOf(keys));
    }

    /**
     * The key that encrypts {@code stream}'s packages, or empty when they travel in clear (the
     * catalog, which is signed instead; any stream at a station without keys).
     *
     * @throws IllegalStateException when this station is protected but holds no key for the agent
     */
    public Optional<StreamKey> sealingKey(PackageStream stream) {
        if (!protects() || stream.direction() == PackageStream.Direction.CATALOG) {
            return Optional.empty();
        }
        return Optional.of(streamKey(stream.agentCode()).orElseThrow(() -> new IllegalStateException("this station"
                + " holds no key for agent " + stream.agentCode() + ", so it cannot write " + stream + "'s packages:"
                + " prepare that agent's station (sincro hq prepare-agent " + stream.agentCode() + "), which makes"
                + " its key")));
    }

    /** Whether {@code stream}'s packages must arrive encrypted here. */
    public boolean requiresEnvelope(PackageStream stream) {
        return protects() && stream.direction() != PackageStream.Direction.CATALOG;
    }

    /** Whether {@code stream}'s packages must arrive signed by the head office here: the catalog's. */
    public boolean requiresSignature(PackageStream stream) {
        return protects() && stream.direction() == PackageStream.Direction.CATALOG;
    }

    /**
     * The key to decrypt a package whose envelope names {@code keyId}.
     *
     * @throws PackageRefusedException as forged when it is not the current key of the stream's agent
     */
    public StreamKey openingKey(PackageName name, String keyId) {
        String agent = name.stream().agentCode();
        if (!protects()) {
            throw new PackageRefusedException(Reason.FORGED, "package " + name + " is encrypted (key " + keyId + "),"
                    + " and this station holds no keys: it was refused; a station made before packages were"
                    + " encrypted must be prepared again (sincro hq prepare-agent), which gives it its keys");
        }
        StreamKey key = streamKeys.get(agent);
        if (key == null) {
            throw new PackageRefusedException(Reason.FORGED, "package " + name + " is sealed with key " + keyId
                    + ", and this station holds no key of agent " + agent + ": it was refused as forged; if agent "
                    + agent + " is genuine, prepare its station (sincro hq prepare-agent " + agent + ")");
        }
        if (key.id().equals(keyId)) {
            return key;
        }
        if (agent.equals(StreamKey.agentCode(keyId)) && StreamKey.generation(keyId) < key.generation()) {
            throw new PackageRefusedException(Reason.FORGED, "package " + name + " is sealed with key " + keyId
                    + ", which agent " + agent + "'s key " + key.id() + " replaced (sincro hq rekey-agent): packages"
                    + " under a replaced key are refused; it changes nothing, and a station prepared again sends"
                    + " under the new key");
        }
        throw new PackageRefusedException(Reason.FORGED, "package " + name + " is sealed with key " + keyId
                + ", which is not agent " + agent + "'s key (" + key.id() + "): it was refused as forged and"
                + " changes nothing");
    }

    /** {@code seal} signed by the head office, when {@code name} is a catalog package and this station can sign. */
    public Seal sign(PackageName name, Seal seal) {
        if (!requiresSignature(name.stream())) {
            return seal;
        }
        PrivateKey key = signing.signing().orElseThrow(() -> new IllegalStateException("only the head office"
                + " signs catalog packages, and this station holds the public half of its key only"));
        try {
            Signature signer = Signature.getInstance(SigningKey.ALGORITHM);
            signer.initSign(key);
            signer.update(signedBytes(name, seal));
            return seal.signed(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 failed in this Java runtime: " + e.getMessage(), e);
        }
    }

    /**
     * Checks the head office's signature on a catalog package's seal, when this station is protected.
     *
     * @throws PackageRefusedException as forged when it is missing, by another key, or wrong
     */
    public void checkSignature(PackageName name, Seal seal) {
        if (!requiresSignature(name.stream())) {
            return;
        }
        if (seal.signature() == null) {
            throw new PackageRefusedException(Reason.FORGED, "catalog package " + name + " is not signed, and this"
                    + " station takes only catalog packages the head office signed (key " + signing.id() + "): it"
                    + " was refused as forged and changes nothing");
        }
        if (!signing.id().equals(seal.keyId())) {
            throw new PackageRefusedException(Reason.FORGED, "catalog package " + name + " is signed with key "
                    + seal.keyId() + ", and this station trusts the head office's key " + signing.id() + ": it was"
                    + " refused as forged and changes nothing");
        }
        boolean valid;
        try {
            Signature verifier = Signature.getInstance(SigningKey.ALGORITHM);
            verifier.initVerify(signing.publicKey());
            verifier.update(signedBytes(name, seal));
            valid = verifier.verify(seal.signatureValue());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            valid = false;
        }
        if (!valid) {
            throw new PackageRefusedException(Reason.FORGED, "catalog package " + name + "'s signature does not"
                    + " verify with the head office's key " + signing.id() + ": it was forged or changed, refused,"
                    + " and changes nothing");
        }
    }

    private static byte[] signedBytes(PackageName name, Seal seal) {
        byte[] fileName = (name.fileName() + "\n").getBytes(StandardCharsets.US_ASCII);
        byte[] lines = seal.signedBytes();
        byte[] all = new byte[SIGNATURE_CONTEXT.length + fileName.length + lines.length];
        System.arraycopy(SIGNATURE_CONTEXT, 0, all, 0, SIGNATURE_CONTEXT.length);
        System.arraycopy(fileName, 0, all, SIGNATURE_CONTEXT.length, fileName.length);
        System.arraycopy(lines, 0, all, SIGNATURE_CONTEXT.length + fileName.length, lines.length);
        return all;
    }

    @Override
    public String toString() {
        return protects() ? "keys " + signing.id() + " and " + streamKeys.values().stream().map(StreamKey::id).toList()
                : "no keys";
    }
}
