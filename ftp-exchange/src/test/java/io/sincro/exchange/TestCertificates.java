package io.sincro.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Server certificates for the FTPS tests, made once per test run with the JDK's keytool (nothing
 * binary is committed, nothing expires in the repository):
 *
 * <pre>
 * keytool -genkeypair -alias server -keyalg EC -groupname secp256r1 -validity 3650 \
 *     -dname CN=localhost -ext SAN=dns:localhost,ip:127.0.0.1 \
 *     -keystore server.p12 -storetype PKCS12 -storepass changeit -keypass changeit
 * </pre>
 *
 * and the same for a certificate that names only {@code elsewhere.example}. The trust stores
 * hold just the matching certificate.
 */
public final class TestCertificates {

    public static final String PASSWORD = "changeit";

    private static TestCertificates made;

    /** Key store of a server certificate for localhost and 127.0.0.1. */
    public final Path localhostKeyStore;
    /** Trust store holding only that certificate. */
    public final Path localhostTrustStore;
    /** Its SHA-256 fingerprint, colon separated. */
    public final String localhostFingerprint;
    /** Key store of a server certificate that names only elsewhere.example. */
    public final Path elsewhereKeyStore;
    /** Trust store holding only that certificate. */
    public final Path elsewhereTrustStore;
    /** Its SHA-256 fingerprint, colon separated. */
    public final String elsewhereFingerprint;

    private TestCertificates(Path folder) throws IOException, GeneralSecurityException, InterruptedException {
        // both keytool runs at once: each starts a JVM
        Process localhost = keytool(folder.resolve("localhost.p12"), "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1");
        Process elsewhere = keytool(folder.resolve("elsewhere.p12"), "CN=elsewhere.example", "SAN=dns:elsewhere.example");
        localhostKeyStore = finished(localhost, folder.resolve("localhost.p12"));
        elsewhereKeyStore = finished(elsewhere, folder.resolve("elsewhere.p12"));
        localhostTrustStore = trustStore(localhostKeyStore, folder.resolve("localhost-trust.p12"));
        localhostFingerprint = fingerprint(localhostKeyStore);
        elsewhereTrustStore = trustStore(elsewhereKeyStore, folder.resolve("elsewhere-trust.p12"));
        elsewhereFingerprint = fingerprint(elsewhereKeyStore);
    }

    public static synchronized TestCertificates get() {
        if (made == null) {
            try {
                Path folder = Files.createTempDirectory("sincro-test-certificates");
                folder.toFile().deleteOnExit();
                made = new TestCertificates(folder);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot make the test certificates", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while making the test certificates", e);
            }
        }
        return made;
    }

    private static Process keytool(Path keyStore, String subject, String alternativeNames) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new ArrayList<>(List.of(keytool.toString(), "-genkeypair", "-alias", "server",
                "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "3650", "-dname", subject,
                "-ext", alternativeNames, "-keystore", keyStore.toString(), "-storetype", "PKCS12",
                "-storepass", PASSWORD, "-keypass", PASSWORD));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static Path finished(Process keytool, Path keyStore) throws IOException, InterruptedException {
        byte[] output = keytool.getInputStream().readAllBytes();
        if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
            throw new IOException("keytool failed: " + new String(output));
        }
        keyStore.toFile().deleteOnExit();
        return keyStore;
    }

    private static Path trustStore(Path keyStore, Path trustStore) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", certificate(keyStore));
        try (OutputStream out = Files.newOutputStream(trustStore)) {
            trust.store(out, PASSWORD.toCharArray());
        }
        trustStore.toFile().deleteOnExit();
        return trustStore;
    }

    private static Certificate certificate(Path keyStore) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance(keyStore.toFile(), PASSWORD.toCharArray());
        return store.getCertificate("server");
    }

    private static String fingerprint(Path keyStore) throws IOException, GeneralSecurityException {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate(keyStore).getEncoded());
        return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
    }
}
