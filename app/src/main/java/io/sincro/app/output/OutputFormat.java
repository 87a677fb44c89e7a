package io.sincro.app.output;

/** How listings are printed: aligned columns for people, CSV or JSON for scripts. */
public enum OutputFormat {
    TABLE, CSV, JSON
}
