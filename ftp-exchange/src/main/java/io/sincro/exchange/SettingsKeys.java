package io.sincro.exchange;

import java.time.Duration;
import java.util.Properties;

/**
 * Reading the mailbox keys of a station's settings file, whatever the wire: each wrong value is
 * one sentence naming the key and what to write.
 */
public final class SettingsKeys {

    /** The settings file, as messages name it. */
    public static final String SETTINGS_FILE = "sincro.properties";

    private SettingsKeys() {
    }

    /** The value of {@code key}, or a failure saying to set it to {@code what}. */
    public static String required(Properties properties, String key, String what) {
        String value = optional(properties, key);
        if (value == null) {
            throw settingsError(key + " is missing from " + SETTINGS_FILE + "; set it to " + what);
        }
        return value;
    }

    /** The value of {@code key} without surrounding spaces, or null when it is missing or blank. */
    public static String optional(Properties properties, String key) {
        String value = properties.getProperty(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** A whole number between {@code min} and {@code max}, or {@code fallback} when the key is missing. */
    public static int integer(Properties properties, String key, int fallback, int min, int max) {
        String text = optional(properties, key);
        if (text == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw settingsError(key + " in " + SETTINGS_FILE + " is '" + text + "'; set a whole number from "
                + min + " to " + max + " or remove it to use " + fallback);
    }

    /** A number of seconds from {@code min} to 3600, or {@code fallback} when the key is missing. */
    public static Duration seconds(Properties properties, String key, Duration fallback, int min) {
        return Duration.ofSeconds(integer(properties, key, (int) fallback.toSeconds(), min, 3600));
    }

    /** A settings failure: step {@code SETTINGS}, never transient. */
    public static MailboxException settingsError(String message) {
        return new MailboxException(message, MailboxException.Step.SETTINGS, false, null, null);
    }
}
