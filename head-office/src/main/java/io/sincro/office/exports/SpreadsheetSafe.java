package io.sincro.office.exports;

/**
 * A cell a spreadsheet will not run: a value starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is a formula to Excel and LibreOffice, so it gets a single
 * quote in front, as OWASP's CSV-injection advice says. A customer's name typed on a laptop
 * ({@code =HYPERLINK(...)}) then reaches the back-end's staff as text. The head office's CSV import
 * takes such a quote off again, so an exported file loads back unchanged.
 */
final class SpreadsheetSafe {

    private SpreadsheetSafe() {
    }

    static Object cell(Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        return isFormula(text) ? "'" + text : text;
    }

    /** Whether a spreadsheet would take the text for a formula. */
    static boolean isFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0;
    }
}
