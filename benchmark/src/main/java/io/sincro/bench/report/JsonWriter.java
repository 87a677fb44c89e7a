package io.sincro.bench.report;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * Just enough JSON for the report, written as it goes: objects, arrays, strings, numbers,
 * booleans and null, indented two spaces so two reports diff line by line.
 */
final class JsonWriter {

    private final Writer out;
    /** Per open object or array: whether it has a member yet. */
    private final Deque<boolean[]> open = new ArrayDeque<>();
    private boolean afterName;

    JsonWriter(Writer out) {
        this.out = out;
    }

    JsonWriter beginObject() throws IOException {
        emit("{");
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endObject() throws IOException {
        return end("}");
    }

    JsonWriter beginArray() throws IOException {
        emit("[");
        open.push(new boolean[1]);
        return this;
    }

    JsonWriter endArray() throws IOException {
        return end("]");
    }

    JsonWriter name(String name) throws IOException {
        separate();
        out.write(quote(name));
        out.write(": ");
        afterName = true;
        return this;
    }

    JsonWriter value(String text) throws IOException {
        return text == null ? nullValue() : raw(quote(text));
    }

    JsonWriter value(long number) throws IOException {
        return raw(Long.toString(number));
    }

    JsonWriter value(Long number) throws IOException {
        return number == null ? nullValue() : value(number.longValue());
    }

    /** A number with up to six decimals; NaN and infinities, which JSON lacks, as null. */
    JsonWriter value(Double number) throws IOException {
        if (number == null || number.isNaN() || number.isInfinite()) {
            return nullValue();
        }
        String text = String.format(Locale.ROOT, "%.6f", number).replaceAll("0+$", "").replaceAll("\\.$", ".0");
        return raw(text);
    }

    JsonWriter value(boolean flag) throws IOException {
        return raw(Boolean.toString(flag));
    }

    JsonWriter nullValue() throws IOException {
        return raw("null");
    }

    void finish() throws IOException {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed JSON object or array");
        }
        out.write("\n");
        out.flush();
    }

    private JsonWriter raw(String text) throws IOException {
        emit(text);
        return this;
    }

    private void emit(String text) throws IOException {
        if (!afterName) {
            separate();
        }
        afterName = false;
        out.write(text);
    }

    private void separate() throws IOException {
        if (open.isEmpty()) {
            return;
        }
        boolean[] hasMember = open.peek();
        if (hasMember[0]) {
            out.write(",");
        }
        hasMember[0] = true;
        newLine(open.size());
    }

    private JsonWriter end(String close) throws IOException {
        boolean[] hasMember = open.pop();
        if (hasMember[0]) {
            newLine(open.size());
        }
        out.write(close);
        return this;
    }

    private void newLine(int depth) throws IOException {
        out.write("\n");
        out.write("  ".repeat(depth));
    }

    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
