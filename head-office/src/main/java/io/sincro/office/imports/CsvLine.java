package io.sincro.office.imports;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;

/**
 * One data line of a CSV file, read column by column; every problem becomes an
 * {@link ImportException} naming file, line and column.
 */
final class CsvLine {

    private static final Set<String> TRUE = Set.of("true", "yes", "si", "sì", "1", "y");
    private static final Set<String> FALSE = Set.of("false", "no", "0", "n");

    private final String fileName;
    private final CSVRecord record;

    CsvLine(String fileName, CSVRecord record) {
        this.fileName = fileName;
        this.record = record;
    }

    /** The line in the file, counting the header as line 1. */
    long lineNumber() {
        return record.getRecordNumber() + 1;
    }

    /** A value that must be there. */
    String text(String column, int maxLength) {
        String value = optionalText(column, maxLength);
        if (value == null) {
            throw problem(column, "the value is missing; every line needs a " + column);
        }
        return value;
    }

    /** A value that may be empty (then null). */
    String optionalText(String column, int maxLength) {
        String value = record.isMapped(column) && record.isSet(column) ? record.get(column).strip() : "";
        if (value.length() > 1 && value.charAt(0) == '\'' && "=+-@\t\r".indexOf(value.charAt(1)) >= 0) {
            // the quote our exports put before what a spreadsheet would run as a formula
            value = value.substring(1);
        }
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw problem(column, "'" + shorten(value) + "' is " + value.length() + " characters long; at most "
                    + maxLength + " fit");
        }
        int unwritable = unwritable(value);
        if (unwritable >= 0) {
            throw problem(column, "character " + (unwritable + 1) + String.format(" is U+%04X", (int) value.charAt(unwritable))
                    + ", a control character no package can carry to the agents; remove it in the back-end and"
                    + " import the file again");
        }
        return value;
    }

    /**
     * Where {@code value} holds a character a package cannot carry (XML's rule, as the package
     * writer applies it: control characters other than tab and line feed, a lone surrogate), or -1.
     */
    private static int unwritable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(ch)) {
                ok = i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1));
            } else if (Character.isLowSurrogate(ch)) {
                ok = i > 0 && Character.isHighSurrogate(value.charAt(i - 1));
            } else {
                ok = ch >= 0x20 && ch != 0x7f && ch != 0xFFFE && ch != 0xFFFF || ch == '\t' || ch == '\n';
            }
            if (!ok) {
                return i;
            }
        }
        return -1;
    }

    /** A code: no spaces or control characters, so it can travel in file and package names. */
    String code(String column, int maxLength) {
        String value = text(column, maxLength);
        if (!value.codePoints().allMatch(cp -> cp > ' ' && cp != 0x7f && cp != '/' && cp != '\\')) {
            throw problem(column, "'" + value + "' is not a valid code; codes hold no spaces, slashes or control characters");
        }
        return value;
    }

    BigDecimal decimal(String column, BigDecimal min, BigDecimal max) {
        BigDecimal value = optionalDecimal(column, null, min, max);
        if (value == null) {
            throw problem(column, "the value is missing; every line needs a " + column);
        }
        return value;
    }

    BigDecimal optionalDecimal(String column, BigDecimal whenEmpty, BigDecimal min, BigDecimal max) {
        String text = optionalText(column, 40);
        if (text == null) {
            return whenEmpty;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(text);
        } catch (NumberFormatException e) {
            String hint = text.contains(",") ? "; use a decimal point, as in 12.50" : "";
            throw problem(column, "'" + text + "' is not a number" + hint);
        }
        if (min != null && value.compareTo(min) < 0 || max != null && value.compareTo(max) > 0) {
            throw problem(column, text + " is out of range; it must be between "
                    + (min == null ? "any" : min.toPlainString()) + " and "
                    + (max == null ? "any" : max.toPlainString()));
        }
        return value;
    }

    boolean optionalFlag(String column, boolean whenEmpty) {
        String text = optionalText(column, 10);
        if (text == null) {
            return whenEmpty;
        }
        String value = text.toLowerCase(Locale.ROOT);
        if (TRUE.contains(value)) {
            return true;
        }
        if (FALSE.contains(value)) {
            return false;
        }
        throw problem(column, "'" + text + "' is neither true nor false");
    }

    ImportException problem(String column, String what) {
        return new ImportException(fileName + " line " + lineNumber() + ", column " + column + ": " + what
                + ". No row of the file was stored.");
    }

    private static String shorten(String value) {
        return value.length() <= 30 ? value : value.substring(0, 27) + "...";
    }
}
