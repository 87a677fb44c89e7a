package io.sincro.office.exports;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What an export for the back-end holds; each file's header is the import kind of the same name's. */
public enum ExportKind {
    CUSTOMERS("customers", "customer", "customers"),
    SPECIAL_PRICES("special-prices", "special price", "special prices"),
    ORDERS("orders", "order", "orders");

    private final String label;
    private final String one;
    private final String many;

    ExportKind(String label, String one, String many) {
        this.label = label;
        this.one = one;
        this.many = many;
    }

    /** The name used on the command line and in file names, such as special-prices. */
    public String label() {
        return label;
    }

    /** What the kind's rows are called: special prices. */
    public String plural() {
        return many;
    }

    /** "1 special price", "2 special prices". */
    public String count(long n) {
        return n + " " + (n == 1 ? one : many);
    }

    public static Optional<ExportKind> fromLabel(String label) {
        String wanted = label.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.label.equals(wanted)).findFirst();
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(ExportKind::label).toList();
    }

    @Override
    public String toString() {
        return label;
    }
}
