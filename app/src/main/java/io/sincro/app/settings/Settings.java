package io.sincro.app.settings;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import io.sincro.app.failures.Failures;
import io.sincro.db.Station;
import io.sincro.exchange.ftp.FtpSettings;

/**
 * A station's {@code sincro.properties}: its role, its agent code, where its database is, and the
 * mailbox it exchanges packages through. Relative paths are read from the file's folder, so a
 * station folder can be moved or copied as a whole.
 *
 * <p>The FTP password may sit in the file (ftp.password), in a file of its own (ftp.passwordFile)
 * or in the environment variable SINCRO_FTP_PASSWORD, which wins; it is never part of toString.
 */
public final class Settings {

    public static final String FILE_NAME = "sincro.properties";
    public static final String PASSWORD_VARIABLE = "SINCRO_FTP_PASSWORD";
    public static final String MAIL_PASSWORD_VARIABLE = "SINCRO_MAIL_PASSWORD";
    public static final String MAIL_PASSWORD_FILE = "mail.passwordFile";

    public static final String ROLE = "role";
    public static final String AGENT_CODE = "agent.code";
    public static final String DATABASE_PATH = "database.path";
    public static final String FTP_PASSWORD = "ftp.password";
    public static final String FTP_PASSWORD_FILE = "ftp.passwordFile";
    public static final String FTP_PRIVATE_KEY = "ftp.privateKey";
    public static final String MAX_AGE_DAYS = "sync.maxAgeDays";
    public static final String CURRENCY = "currency";

    private static final String DEFAULT_DATABASE = "database";
    private static final int DEFAULT_MAX_AGE_DAYS = 3;
    private static final Set<String> KNOWN_PREFIXES = Set.of("ftp.", "sync.", "mailbox.", "output.", "mail.");

    private final Path file;
    private final Properties values;
    private final Map<String, String> environment;
    private final Station station;

    private Settings(Path file, Properties values, Map<String, String> environment) {
        this.file = file;
        this.values = values;
        this.environment = environment;
        this.station = readStation();
    }

    /** Reads and checks the settings in {@code file}. */
    public static Settings load(Path file, Map<String, String> environment) {
        Path absolute = file.toAbsolutePath().normalize();
        Properties values = new Properties();
        try (Reader reader = Files.newBufferedReader(absolute, StandardCharsets.UTF_8)) {
            values.load(reader);
        } catch (NoSuchFileException e) {
            throw new SettingsException("there is no settings file " + absolute + "; at the head office run"
                    + " sincro hq init in the folder that should hold it, on a laptop use the folder made by"
                    + " sincro hq prepare-agent, or name the file with --config", e);
        } catch (IOException e) {
            throw new SettingsException("could not read the settings file " + absolute + ": " + Failures.reason(e)
                    + ", then run the command again", e);
        } catch (IllegalArgumentException e) {
            throw new SettingsException("could not read the settings file " + absolute + ": " + e.getMessage()
                    + "; correct that line", e);
        }
        return new Settings(absolute, values, environment);
    }

    public Path file() {
        return file;
    }

    /** The station folder: the one holding the settings file. */
    public Path folder() {
        return file.getParent();
    }

    /** Who this station is, as the settings file says. */
    public Station station() {
        return station;
    }

    public Path databasePath() {
        String value = optional(DATABASE_PATH).orElse(DEFAULT_DATABASE);
        try {
            return folder().resolve(value).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid(DATABASE_PATH, value, "a folder path, such as " + DEFAULT_DATABASE);
        }
    }

    /** After how many days without a successful receive the data counts as out of date. */
    public int maxAgeDays() {
        return integer(MAX_AGE_DAYS, DEFAULT_MAX_AGE_DAYS, 1, 365);
    }

    public String currency() {
        String value = optional(CURRENCY).orElse("EUR");
        if (!value.matches("[A-Z]{3}")) {
            throw invalid(CURRENCY, value, "a three-letter ISO 4217 code such as EUR");
        }
        return value;
    }

    /** A value that must be present. */
    public String required(String key) {
        return optional(key).orElseThrow(() -> new SettingsException("setting " + key + " is missing in " + file
                + "; add a line " + key + "=..."));
    }

    /** A value that may be absent or empty. */
    public Optional<String> optional(String key) {
        String value = values.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** An integer setting within bounds, with a default when absent. */
    public int integer(String key, int whenAbsent, int min, int max) {
        Optional<String> text = optional(key);
        if (text.isEmpty()) {
            return whenAbsent;
        }
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the range
        }
        throw invalid(key, text.get(), "a whole number from " + min + " to " + max);
    }

    /**
     * The FTP password: from SINCRO_FTP_PASSWORD, else the file named by ftp.passwordFile, else
     * ftp.password.
     */
    public Optional<String> ftpPassword() {
        return FtpSettings.passwordIn(values, environment, folder()).filter(p -> !p.isEmpty());
    }

    /** Whether the settings file itself holds the mailbox's password (ftp.password). */
    public boolean holdsPassword() {
        return optional(FTP_PASSWORD).filter(p -> !p.isBlank()).isPresent();
    }

    /** The file ftp.passwordFile names, if any. */
    public Optional<Path> passwordFile() {
        return optional(FTP_PASSWORD_FILE).filter(p -> !p.isBlank()).map(p -> folder().resolve(p).normalize());
    }

    /**
     * The mail server's password: from SINCRO_MAIL_PASSWORD, else the file named by
     * mail.passwordFile; never from the settings file itself, which is copied into support bundles.
     */
    public Optional<String> mailPassword() {
        String fromEnvironment = environment.get(MAIL_PASSWORD_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return Optional.of(fromEnvironment);
        }
        Optional<String> name = optional(MAIL_PASSWORD_FILE);
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path path;
        try {
            path = folder().resolve(name.get()).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw invalid(MAIL_PASSWORD_FILE, name.get(), "the path of a file holding the mail password");
        }
        try {
            // editors add a final line break; surrounding spaces are never part of a password here
            String content = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (content.isEmpty()) {
                throw new SettingsException("the password file " + path + " named by " + MAIL_PASSWORD_FILE
                        + " is empty; write the mail password in it");
            }
            return Optional.of(content);
        } catch (IOException e) {
            throw new SettingsException("the password file " + path + " named by " + MAIL_PASSWORD_FILE
                    + " cannot be read: " + Failures.reason(e) + "; correct the path or its permissions", e);
        }
    }

    /** Every key that starts with {@code prefix}, sorted, for copying a group of settings. */
    public Set<String> keys(String prefix) {
        Set<String> keys = new TreeSet<>();
        for (String key : values.stringPropertyNames()) {
            if (key.startsWith(prefix)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Keys Sincro does not know, most likely typing mistakes, for a warning. */
    public Set<String> unknownKeys() {
        Set<String> unknown = new TreeSet<>();
        for (String key : values.stringPropertyNames()) {
            boolean known = Set.of(ROLE, AGENT_CODE, DATABASE_PATH, CURRENCY).contains(key)
                    || KNOWN_PREFIXES.stream().anyMatch(key::startsWith);
            if (!known) {
                unknown.add(key);
            }
        }
        return unknown;
    }

    public SettingsException invalid(String key, String value, String expected) {
        return new SettingsException("setting " + key + " in " + file + " is '" + value + "'; use " + expected);
    }

    private Station readStation() {
        String role = required(ROLE);
        switch (role) {
            case "head-office":
                if (optional(AGENT_CODE).isPresent()) {
                    throw new SettingsException("setting " + AGENT_CODE + " in " + file
                            + " belongs to agent stations, and this one has role head-office; remove one of the two");
                }
                return Station.headOffice();
            case "agent":
                String code = required(AGENT_CODE);
                try {
                    return Station.agent(code);
                } catch (IllegalArgumentException e) {
                    throw new SettingsException("setting " + AGENT_CODE + " in " + file + ": " + e.getMessage(), e);
                }
            default:
                throw invalid(ROLE, role, "head-office or agent");
        }
    }

    @Override
    public String toString() {
        return station + " settings " + file;
    }
}
