package io.sincro.office.exports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpreadsheetSafeTest {

    @Test
    void textASpreadsheetWouldRunGetsAQuote() {
        assertThat(SpreadsheetSafe.cell("=1+1")).isEqualTo("'=1+1");
        assertThat(SpreadsheetSafe.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(SpreadsheetSafe.cell("+39 02 1234")).isEqualTo("'+39 02 1234");
        assertThat(SpreadsheetSafe.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }

    @Test
    void aPlainNumberStaysANumberForTheBackEnd() {
        assertThat(SpreadsheetSafe.cell("-2.50")).isEqualTo("-2.50");
        assertThat(SpreadsheetSafe.cell("-3")).isEqualTo("-3");
        assertThat(SpreadsheetSafe.cell("12.00")).isEqualTo("12.00");
    }
}
