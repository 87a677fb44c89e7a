package io.sincro.agent.customers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VatNumberTest {

    @ParameterizedTest
    @ValueSource(strings = {"80276251750", "IT80276251750", "it 802 762 517 50", "00743110157", " 59897263279 "})
    void validNumbersAreKeptAsElevenDigits(String typed) {
        assertThat(VatNumber.parse(typed).digits()).matches("\\d{11}");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "8027625175    | VAT number 8027625175 has 10 digits; an Italian partita IVA has 11",
            "IT802762517500| VAT number IT802762517500 has 12 digits; an Italian partita IVA has 11",
            "8027625175O   | VAT number 8027625175O holds 'O'; an Italian partita IVA is 11 digits, optionally after IT",
            "DE123456789   | VAT number DE123456789 holds 'D'; an Italian partita IVA is 11 digits, optionally after IT",
            "80276251751   | VAT number 80276251751 ends in 1 but its check digit should be 0, so a digit is mistyped;"
                    + " check it on the customer's invoice",
            "00000000000   | VAT number 00000000000 has no taxpayer number (its first 7 digits are zeros); check it on"
                    + " the customer's invoice"})
    void aBadNumberSaysExactlyWhatIsWrong(String typed, String message) {
        assertThatThrownBy(() -> VatNumber.parse(typed)).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource({"8027625175,0", "0074311015,7", "5989726327,9"})
    void theCheckDigitDoublesEveryOtherDigit(String firstTen, int check) {
        assertThat(VatNumber.checkDigit(firstTen + "0")).isEqualTo(check);
    }
}
