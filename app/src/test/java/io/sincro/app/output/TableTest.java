package io.sincro.app.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class TableTest {

    private final Table table = new Table("agent", "packages", "weight", "total EUR", "note")
            .add("A01", 42, new BigDecimal("1.50"), "28.50", "ring, then \"wait\"")
            .add("A02", 0L, null, null, null);

    @Test
    void jsonPrintsNumbersAsNumbersAndTextFormattedByTheCommandAsText() {
        assertThat(print(OutputFormat.JSON)).isEqualTo("""
                [
                  {"agent": "A01", "packages": 42, "weight": 1.50, "total EUR": "28.50", "note": "ring, then \\"wait\\""},
                  {"agent": "A02", "packages": 0, "weight": "", "total EUR": "", "note": ""}
                ]
                """);
    }

    @Test
    void csvAndTablePrintTheSameTextWithMissingValuesEmpty() {
        assertThat(print(OutputFormat.CSV)).isEqualTo("""
                agent,packages,weight,total EUR,note
                A01,42,1.50,28.50,"ring, then ""wait\"\""
                A02,0,,,
                """);
        assertThat(print(OutputFormat.TABLE)).isEqualTo("""
                agent  packages  weight  total EUR  note
                A01    42        1.50    28.50      ring, then "wait"
                A02    0
                """);
    }

    @Test
    void aRowOfTheWrongWidthIsRefused() {
        assertThatThrownBy(() -> table.add("A03", 1))
                .hasMessage("a row of [agent, packages, weight, total EUR, note] needs 5 values, not 2");
    }

    private String print(OutputFormat format) {
        StringWriter text = new StringWriter();
        table.print(new PrintWriter(text), format);
        return text.toString();
    }
}
