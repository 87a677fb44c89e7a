package io.sincro.web.page;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The words of one page in one language: the feature's bundle first, then the shared one
 * ({@code io.sincro.web.page.messages}: the layout, the errors). A key in neither is a mistake of
 * the templates, shown as the key itself so the page still reads.
 */
public final class Messages {

    static final String SHARED = "io.sincro.web.page.messages";

    private final Locale locale;
    private final List<ResourceBundle> bundles;

    Messages(Locale locale, String featureBundle) {
        this.locale = locale;
        this.bundles = featureBundle == null ? List.of(bundle(SHARED, locale))
                : List.of(bundle(featureBundle, locale), bundle(SHARED, locale));
    }

    private static ResourceBundle bundle(String name, Locale locale) {
        // the Italian and English files are the only ones: no fallback to the JVM's own language
        return ResourceBundle.getBundle(name, locale, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public Locale locale() {
        return locale;
    }

    /** The text of {@code key}, with {@code arguments} put in its {0}, {1}... */
    public String get(String key, Object... arguments) {
        for (ResourceBundle bundle : bundles) {
            if (bundle.containsKey(key)) {
                String pattern = bundle.getString(key);
                return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
            }
        }
        throw new MissingResourceException("no message " + key + " in " + bundles.get(0).getBaseBundleName()
                + " or " + SHARED + " for " + locale, Messages.class.getName(), key);
    }
}
