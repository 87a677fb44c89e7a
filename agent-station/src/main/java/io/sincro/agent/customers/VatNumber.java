package io.sincro.agent.customers;

import java.util.Locale;

/**
 * An Italian VAT number (partita IVA): 11 digits, the last a check digit over the first ten, as
 * the Agenzia delle Entrate computes it. Written with or without the "IT" prefix, with or without
 * spaces; stored as the 11 digits, the way the head office's back-end exports them.
 */
record VatNumber(String digits) {

    VatNumber {
        if (digits == null || !digits.matches("\\d{11}")) {
            throw new IllegalArgumentException("a partita IVA is 11 digits, not " + digits);
        }
    }

    /**
     * Reads a VAT number as typed; the exception's message says exactly what is wrong with it, as a
     * sentence part starting with the number.
     */
    static VatNumber parse(String text) {
        String compact = text.replace(" ", "").toUpperCase(Locale.ROOT);
        String digits = compact.startsWith("IT") ? compact.substring(2) : compact;
        String shown = "VAT number " + text.strip();
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                throw new IllegalArgumentException(shown + " holds '" + digits.charAt(i) + "'; an Italian partita IVA"
                        + " is 11 digits, optionally after IT");
            }
        }
        if (digits.length() != 11) {
            throw new IllegalArgumentException(shown + " has " + digits.length() + " digits; an Italian partita IVA"
                    + " has 11");
        }
        if (digits.startsWith("0000000")) {
            throw new IllegalArgumentException(shown + " has no taxpayer number (its first 7 digits are zeros);"
                    + " check it on the customer's invoice");
        }
        int expected = checkDigit(digits);
        int actual = digits.charAt(10) - '0';
        if (expected != actual) {
            throw new IllegalArgumentException(shown + " ends in " + actual + " but its check digit should be "
                    + expected + ", so a digit is mistyped; check it on the customer's invoice");
        }
        return new VatNumber(digits);
    }

    /**
     * Digits in odd places (1st, 3rd, ...) count as they are, those in even places are doubled
     * (less 9 when above 9); the check digit brings the sum to a multiple of 10.
     */
    static int checkDigit(String digits) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            int d = digits.charAt(i) - '0';
            if (i % 2 == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }
}
