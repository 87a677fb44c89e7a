package io.sincro.format.envelope;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import javax.crypto.spec.SecretKeySpec;

/**
 * A station's keys on disk, in its {@code keys} folder (beside its database):
 *
 * <pre>
 * keys/head-office.key    the head office's Ed25519 key pair (head office only)
 * keys/head-office.pub    its public half (every station)
 * keys/agents/A01.key     agent A01's stream key (the head office holds every agent's, an agent its own)
 * </pre>
 *
 * Each file is a few {@code name=value} lines (the key's name, its algorithm, the key in base64:
 * PKCS#8 and X.509 for Ed25519, the raw 32 bytes for AES). Files holding a private or secret key are
 * written readable by their owner only (0600, in a 0700 folder), under a temporary name, then moved
 * into place; {@link #secretFiles} lists them, so a station can check who may read them.
 */
public final class KeyFiles {

    public static final String FOLDER = "keys";
    static final String HEAD_OFFICE_KEY = "head-office.key";
    static final String HEAD_OFFICE_PUBLIC = "head-office.pub";
    static final String AGENTS = "agents";
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_FOLDER = PosixFilePermissions.fromString("rwx------");

    private final Path folder;

    public KeyFiles(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /**
     * The station's keys; {@link Keyring#none()} when it has none (a station made before keys).
     *
     * @throws KeyFileException when a key file cannot be read or makes no sense
     */
    public Keyring load() {
        Optional<SigningKey> signing = signingKey();
        List<StreamKey> streamKeys = new ArrayList<>();
        Path agents = folder.resolve(AGENTS);
        if (Files.isDirectory(agents)) {
            try (Stream<Path> files = Files.list(agents)) {
                for (Path file : files.sorted().toList()) {
                    if (file.getFileName().toString().endsWith(".key")) {
                        streamKeys.add(readStreamKey(file));
                    }
                }
            } catch (IOException e) {
                throw new KeyFileException("could not list the keys in " + agents + ": " + e.getMessage()
                        + "; check the folder's permissions", e);
            }
        }
        if (signing.isEmpty()) {
            if (!streamKeys.isEmpty()) {
                throw new KeyFileException(folder + " holds stream keys but not the head office's key ("
                        + HEAD_OFFICE_PUBLIC + "): the station's keys are incomplete; prepare the station again");
            }
            return Keyring.none();
        }
        return Keyring.of(signing.get(), streamKeys);
    }

    /** The head office's signing key: whole at the head office, its public half elsewhere. */
    public Optional<SigningKey> signingKey() {
        Path whole = folder.resolve(HEAD_OFFICE_KEY);
        Path half = folder.resolve(HEAD_OFFICE_PUBLIC);
        if (Files.isRegularFile(whole)) {
            Properties p = read(whole);
            return Optional.of(new SigningKey(field(p, "key", whole), publicKey(field(p, "public", whole), whole),
                    privateKey(field(p, "private", whole), whole)));
        }
        if (Files.isRegularFile(half)) {
            Properties p = read(half);
            return Optional.of(new SigningKey(field(p, "key", half), publicKey(field(p, "public", half), half), null));
        }
        return Optional.empty();
    }

    /** The head office's signing key, made (generation 1) when it has none yet. */
    public SigningKey headOffice() {
        Optional<SigningKey> existing = signingKey();
        if (existing.isPresent()) {
            if (existing.get().signing().isEmpty()) {
                throw new KeyFileException(folder + " holds only the public half of the head office's key: it is an"
                        + " agent's station, not the head office's");
            }
            return existing.get();
        }
        SigningKey made = SigningKey.generate(1);
        writeSigningKey(made);
        return made;
    }

    /** Agent {@code agentCode}'s stream key, if this station holds it. */
    public Optional<StreamKey> streamKey(String agentCode) {
        Path file = streamKeyFile(agentCode);
        return Files.isRegularFile(file) ? Optional.of(readStreamKey(file)) : Optional.empty();
    }

    /** A new stream key for {@code agentCode}, one generation after its current one, replacing it. */
    public StreamKey newStreamKey(String agentCode) {
        int generation = streamKey(agentCode).map(StreamKey::generation).orElse(0) + 1;
        StreamKey key = StreamKey.generate(agentCode, generation);
        write(key);
        return key;
    }

    /** Writes (or replaces) a stream key, readable by its owner only. */
    public void write(StreamKey key) {
        writeFile(streamKeyFile(key.agentCode()), "# agent " + key.agentCode() + "'s stream key: secret, held by the"
                + " head office and that agent's station only\nkey=" + key.id() + "\nalgorithm=" + Envelope.CIPHER
                + "\nsecret=" + Base64.getEncoder().encodeToString(key.secret().getEncoded()) + "\n", true);
    }

    /** Writes the head office's key: whole when it has its private half (0600), else the public half. */
    public void writeSigningKey(SigningKey key) {
        String publicLine = "public=" + Base64.getEncoder().encodeToString(key.publicKey().getEncoded()) + "\n";
        writeFile(folder.resolve(HEAD_OFFICE_PUBLIC), "# the head office's public key: it checks the catalog's"
                + " signature\nkey=" + key.id() + "\nalgorithm=" + SigningKey.ALGORITHM + "\n" + publicLine, false);
        key.signing().ifPresent(k -> writeFile(folder.resolve(HEAD_OFFICE_KEY), "# the head office's signing key:"
                + " secret, never copied to an agent\nkey=" + key.id() + "\nalgorithm=" + SigningKey.ALGORITHM + "\n"
                + publicLine + "private=" + Base64.getEncoder().encodeToString(k.getEncoded()) + "\n", true));
    }

    /** The files in this folder that hold a secret key (the {@code .key} files), for checking who can read them. */
    public List<Path> secretFiles() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".key")).sorted().toList();
        } catch (IOException e) {
            throw new KeyFileException("could not list the key files in " + folder + ": " + e.getMessage()
                    + "; check the folder's permissions", e);
        }
    }

    private Path streamKeyFile(String agentCode) {
        return folder.resolve(AGENTS).resolve(agentCode + ".key");
    }

    private StreamKey readStreamKey(Path file) {
        Properties p = read(file);
        byte[] secret = base64(field(p, "secret", file), file);
        try {
            StreamKey key = new StreamKey(field(p, "key", file), new SecretKeySpec(secret, "AES"));
            if (!file.getFileName().toString().equals(key.agentCode() + ".key")) {
                throw new KeyFileException(file + " holds key " + key.id() + ", another agent's: put each agent's"
                        + " key in its own file, or prepare the station again");
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file + " does not hold a stream key (" + e.getMessage() + "): it is damaged;"
                    + " prepare the station again", e);
        }
    }

    private static PublicKey publicKey(String text, Path file) {
        try {
            return KeyFactory.getInstance(SigningKey.ALGORITHM).generatePublic(new X509EncodedKeySpec(base64(text, file)));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(file + " does not hold an Ed25519 public key: it is damaged; copy it again"
                    + " from the head office, or prepare the station again", e);
        }
    }

    private static PrivateKey privateKey(String text, Path file) {
        try {
            return KeyFactory.getInstance(SigningKey.ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(base64(text, file)));
        } catch (GeneralSecurityException e) {
            throw new KeyFileException(file + " does not hold an Ed25519 private key: it is damaged; restore it from"
                    + " the head office's backup", e);
        }
    }

    private static byte[] base64(String text, Path file) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file + " holds a key that is not base64: it is damaged; restore it", e);
        }
    }

    private static String field(Properties p, String name, Path file) {
        String value = p.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new KeyFileException(file + " has no " + name + "= line: it is damaged or not a key file; restore"
                    + " it, or prepare the station again");
        }
        return value.strip();
    }

    private static Properties read(Path file) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(Files.readString(file, StandardCharsets.US_ASCII)));
            return p;
        } catch (IOException e) {
            throw new KeyFileException("could not read the key file " + file + ": " + e.getMessage()
                    + "; check that this user may read it", e);
        }
    }

    private static void writeFile(Path file, String text, boolean secret) {
        Path parent = file.getParent();
        Path temporary = parent.resolve("." + file.getFileName() + ".part");
        try {
            boolean posix = parent.getFileSystem().supportedFileAttributeViews().contains("posix");
            if (!Files.isDirectory(parent)) {
                if (posix) {
                    Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(OWNER_FOLDER));
                } else {
                    Files.createDirectories(parent);
                }
            }
            Files.deleteIfExists(temporary);
            if (posix && secret) {
                Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_FILE));
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, text, StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException ignored) {
                // the original failure is what counts; a leftover .part file holds no usable key name
            }
            throw new KeyFileException("could not write the key file " + file + ": " + e.getMessage()
                    + "; check the folder's permissions and free space", e);
        }
    }
}
