package io.sincro.web.page;

import java.util.List;
import java.util.Locale;

/** The languages the pages speak, and which one a browser gets from its Accept-Language. */
public final class Locales {

    public static final Locale ITALIAN = Locale.ITALY;
    public static final Locale ENGLISH = Locale.UK;
    private static final List<Locale> SPOKEN = List.of(ITALIAN, ENGLISH);

    private Locales() {
    }

    /** The first spoken language the header asks for; English when it asks for none of them or is malformed. */
    public static Locale of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ENGLISH;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                for (Locale spoken : SPOKEN) {
                    if (spoken.getLanguage().equalsIgnoreCase(language)) {
                        return spoken;
                    }
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ENGLISH;
        }
        return ENGLISH;
    }
}
