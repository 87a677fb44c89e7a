package io.sincro.app.output;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A listing of rows under named columns, printed as aligned text for people or as CSV or JSON
 * for scripts. Values are text already formatted by the command (amounts with two decimals), or
 * whole numbers and decimals given as such (counts, sequence numbers), which JSON prints as
 * numbers; a missing value (null) is empty text.
 */
public final class Table {

    private final List<String> columns;
    private final List<List<String>> rows = new ArrayList<>();
    // per row, which values JSON prints bare: the numbers, kept apart so every format reads the same text
    private final List<List<Boolean>> numbers = new ArrayList<>();

    public Table(String... columns) {
        this.columns = List.of(columns);
    }

    public Table add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("a row of " + columns + " needs " + columns.size() + " values, not "
                    + values.length);
        }
        rows.add(Arrays.stream(values).map(Table::text).toList());
        numbers.add(Arrays.stream(values).map(Table::isNumber).toList());
        return this;
    }

    private static String text(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    /** Whole numbers and decimals, whose text is always a valid JSON number (a double may be NaN). */
    private static boolean isNumber(Object value) {
        return value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof BigDecimal;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public void print(PrintWriter out, OutputFormat format) {
        switch (format) {
            case TABLE -> printAligned(out);
            case CSV -> printCsv(out);
            case JSON -> printJson(out);
        }
        out.flush();
    }

    private void printAligned(PrintWriter out) {
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        out.println(line(columns, widths));
        for (List<String> row : rows) {
            out.println(line(row, widths));
        }
    }

    private static String line(List<String> values, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            String value = values.get(i);
            text.append(value);
            if (i < values.size() - 1) {
                text.append(" ".repeat(widths[i] - value.length() + 2));
            }
        }
        return text.toString().stripTrailing();
    }

    private void printCsv(PrintWriter out) {
        out.println(String.join(",", columns.stream().map(Table::csv).toList()));
        for (List<String> row : rows) {
            out.println(String.join(",", row.stream().map(Table::csv).toList()));
        }
    }

    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private void printJson(PrintWriter out) {
        out.print("[");
        for (int r = 0; r < rows.size(); r++) {
            out.print(r == 0 ? "\n  {" : ",\n  {");
            for (int i = 0; i < columns.size(); i++) {
                String value = rows.get(r).get(i);
                out.print((i == 0 ? "" : ", ") + json(columns.get(i)) + ": "
                        + (numbers.get(r).get(i) ? value : json(value)));
            }
            out.print("}");
        }
        out.println(rows.isEmpty() ? "]" : "\n]");
    }

    private static String json(String value) {
        StringBuilder text = new StringBuilder("\"");
        for (char ch : value.toCharArray()) {
            switch (ch) {
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                case '\t' -> text.append("\\t");
                default -> {
                    if (ch < 0x20) {
                        text.append(String.format("\\u%04x", (int) ch));
                    } else {
                        text.append(ch);
                    }
                }
            }
        }
        return text.append('"').toString();
    }
}
