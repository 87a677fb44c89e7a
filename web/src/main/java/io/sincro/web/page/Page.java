package io.sincro.web.page;

import java.util.Locale;

/**
 * What the layout and every template get besides their own view: the words and figures in the
 * browser's language, the form token that proves a request came from these pages, the station it
 * shows, and which part of the menu is open.
 */
public final class Page {

    private final Messages messages;
    private final Figures figures;
    private final String csrfToken;
    private final String station;
    private final boolean headOffice;
    private final String section;
    private final String htmx;

    Page(Messages messages, Figures figures, String csrfToken, String station, boolean headOffice, String section,
            String htmx) {
        this.messages = messages;
        this.figures = figures;
        this.csrfToken = csrfToken;
        this.station = station;
        this.headOffice = headOffice;
        this.section = section;
        this.htmx = htmx;
    }

    /** The text of {@code key} in the page's language. */
    public String t(String key, Object... arguments) {
        return messages.get(key, arguments);
    }

    public Figures figures() {
        return figures;
    }

    public Locale locale() {
        return messages.locale();
    }

    public String language() {
        return messages.locale().getLanguage();
    }

    /** The synchronizer token every form carries (and htmx sends as a header). */
    public String csrf() {
        return csrfToken;
    }

    /** The htmx request header the token travels in, as JSON for hx-headers. */
    public String csrfHeaders() {
        return "{\"" + Pages.CSRF_HEADER + "\": \"" + csrfToken + "\"}";
    }

    /** Which station this is: A01, or the head office. */
    public String station() {
        return station;
    }

    /** Whether this is the head office's desk rather than an agent's. */
    public boolean headOffice() {
        return headOffice;
    }

    public boolean in(String menuSection) {
        return menuSection.equals(section);
    }

    /** The address of htmx's script. */
    public String htmx() {
        return htmx;
    }
}
