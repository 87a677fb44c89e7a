package io.sincro.office.exports;

import java.util.regex.Pattern;

/**
 * A cell a spreadsheet will not run: a value starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return is a formula to Excel and LibreOffice, so it gets a single
 * quote in front, as OWASP's CSV-injection advice says. A customer's name typed on a laptop
 * ({@code =HYPERLINK(...)}) then reaches the back-end's staff as text. The head office's CSV import
 * takes such a quote off again, so an exported file loads back unchanged.
 */
final class SpreadsheetSafe {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

    private SpreadsheetSafe() {
    }

    static Object cell(Object value) {
        if (!(value instanceof String text) || text.isEmpty()) {
            return value;
        }
        return isFormula(text) ? "'" + text : text;
    }

    /**
     * Whether a spreadsheet would take the text for a formula; a plain number ({@code -2.50}, a
     * negative quantity or amount) is a number to it, and stays as it is for the back-end.
     */
    static boolean isFormula(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !PLAIN_NUMBER.matcher(text).matches();
    }
}
