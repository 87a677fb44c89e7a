package io.sincro.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void writesNestedObjectsAndArraysIndented() throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter json = new JsonWriter(text);
        json.beginObject();
        json.name("a").value(1);
        json.name("b").beginArray().value("x").value(2.5).nullValue().endArray();
        json.name("c").beginObject().endObject();
        json.name("d").beginArray().endArray();
        json.name("e").value(true);
        json.endObject();
        json.finish();

        assertThat(text.toString()).isEqualTo("""
                {
                  "a": 1,
                  "b": [
                    "x",
                    2.5,
                    null
                  ],
                  "c": {},
                  "d": [],
                  "e": true
                }
                """);
    }

    @Test
    void escapesWhatJsonCannotHoldAsIsAndWritesNoNaN() throws IOException {
        StringWriter text = new StringWriter();
        JsonWriter json = new JsonWriter(text);
        json.beginArray().value("say \"hi\"\\\n\t\u0001").value(Double.NaN).value(3.0).value((Long) null).endArray();
        json.finish();

        assertThat(text.toString()).isEqualTo("[\n  \"say \\\"hi\\\"\\\\\\n\\t\\u0001\",\n  null,\n  3.0,\n  null\n]\n");
    }
}
