package io.sincro.app.cli;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.sincro.app.settings.Settings;

/**
 * What a command would run with, for a command handed to a running {@code sincro ui} ({@link UiHandoff}):
 * every effective setting (the settings file's values, the resolved database path, and the passwords
 * after SINCRO_FTP_PASSWORD and SINCRO_MAIL_PASSWORD override the file), each as an HMAC-SHA256 keyed
 * with the handoff's per-run key over its name and value. The ui compares them with its own and
 * names the settings that differ, while no value, and no password, crosses the wire.
 */
public final class SettingsFingerprint {

    /** What the form's field names of a fingerprint start with. */
    public static final String PREFIX = "setting:";

    static final String FTP_PASSWORD = "the FTP password (" + Settings.PASSWORD_VARIABLE + ", else "
            + Settings.FTP_PASSWORD_FILE + "'s content, else " + Settings.FTP_PASSWORD + ")";
    static final String MAIL_PASSWORD = "the mail password (" + Settings.MAIL_PASSWORD_VARIABLE + ", else "
            + Settings.MAIL_PASSWORD_FILE + "'s content)";

    private SettingsFingerprint() {
    }

    /** The fingerprint of {@code settings} under {@code key}, as form fields named {@link #PREFIX} and the setting. */
    public static Map<String, String> of(Settings settings, String key) {
        Mac mac = mac(key);
        Map<String, String> fields = new TreeMap<>();
        effective(settings).forEach((name, value) -> fields.put(PREFIX + name, Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal((name + "\n" + value).getBytes(StandardCharsets.UTF_8)))));
        return fields;
    }

    /**
     * The names of the settings in which the fingerprint among {@code form}'s fields differs from
     * that of {@code settings} under {@code key}, sorted; empty when the command would run with
     * what {@code settings} hold.
     */
    public static Set<String> differences(Map<String, String> form, Settings settings, String key) {
        Map<String, String> own = of(settings, key);
        Set<String> names = new TreeSet<>();
        for (Map.Entry<String, String> field : form.entrySet()) {
            if (field.getKey().startsWith(PREFIX) && !field.getValue().equals(own.get(field.getKey()))) {
                names.add(field.getKey().substring(PREFIX.length()));
            }
        }
        for (String field : own.keySet()) {
            if (!form.containsKey(field)) {
                names.add(field.substring(PREFIX.length()));
            }
        }
        return names;
    }

    /** Every setting as the command runs with it, by name, in a canonical order. */
    static SortedMap<String, String> effective(Settings settings) {
        SortedMap<String, String> values = new TreeMap<>();
        for (String name : settings.keys("")) {
            values.put(name, settings.optional(name).orElse(""));
        }
        // the file's ftp.password counts only through the effective password
        values.remove(Settings.FTP_PASSWORD);
        values.put(Settings.DATABASE_PATH, settings.databasePath().toAbsolutePath().normalize().toString());
        values.put(FTP_PASSWORD, readable(settings::ftpPassword));
        values.put(MAIL_PASSWORD, readable(settings::mailPassword));
        return values;
    }

    /** A password, or why its file cannot be read: both sides fail alike then, and the command says why. */
    private static String readable(Supplier<Optional<String>> password) {
        try {
            return password.get().orElse("");
        } catch (RuntimeException unreadable) {
            return "unreadable: " + unreadable.getMessage();
        }
    }

    private static Mac mac(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            // every Java platform has HmacSHA256 (Mac's documentation)
            throw new IllegalStateException("this Java has no HmacSHA256, which every Java platform must have", e);
        }
    }
}
