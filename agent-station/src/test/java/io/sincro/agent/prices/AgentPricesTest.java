package io.sincro.agent.prices;

import static io.sincro.agent.testing.AgentFixture.BIANCHI;
import static io.sincro.agent.testing.AgentFixture.ROSSI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.sincro.agent.testing.AgentFixture;
import io.sincro.agent.work.AgentWorkException;
import io.sincro.db.prices.SpecialPrice;
import io.sincro.db.testing.Sql;

class AgentPricesTest {

    @TempDir
    Path dir;

    private AgentFixture station;
    private AgentPrices prices;

    @BeforeEach
    void openStation() {
        station = AgentFixture.in(dir);
        prices = station.station.prices();
    }

    @AfterEach
    void closeStation() {
        station.close();
    }

    @Test
    void theCustomersSpecialPriceComesFirst() {
        EffectivePrice price = prices.quote(ROSSI, "P002");

        assertThat(price.source()).isEqualTo(EffectivePrice.Source.SPECIAL_PRICE);
        assertThat(price.price()).isEqualByComparingTo("15.00");
        assertThat(price.discount()).isEqualByComparingTo("5");
        assertThat(price.netPrice()).isEqualByComparingTo("14.25");
        assertThat(price.updatedBy()).isEqualTo("HQ");
    }

    @Test
    void withoutASpecialPriceTheCustomersPriceListApplies() {
        EffectivePrice price = prices.quote(ROSSI, "P001");

        assertThat(price.source()).isEqualTo(EffectivePrice.Source.PRICE_LIST);
        assertThat(price.priceListCode()).isEqualTo("BASE");
        assertThat(price.price()).isEqualByComparingTo("10.00");
        assertThat(price.netPrice()).isEqualByComparingTo("10.00");
    }

    @Test
    void noPriceIsAnAnswerThatSaysWhereItLooked() {
        EffectivePrice inList = prices.quote(ROSSI, "P004");
        EffectivePrice noList = prices.quote(BIANCHI, "P001");

        assertThat(inList.found()).isFalse();
        assertThat(inList.missingReason())
                .isEqualTo("customer C00001 has no special price for P004, and its price list BASE has no price for it");
        assertThat(noList.missingReason())
                .isEqualTo("customer C00002 has no special price for P001 and no generic price list");
        assertThat(noList.netPrice()).isNull();
    }

    @Test
    void unknownCustomerOrProductIsRefusedWithWhereToLook() {
        assertThatThrownBy(() -> prices.quote("C99999", "P001"))
                .isInstanceOf(AgentWorkException.class)
                .hasMessage("customer C99999 is not on this station; find its code with 'sincro customer list --search NAME',"
                        + " or create it with 'sincro customer new'");
        assertThatThrownBy(() -> prices.quote(ROSSI, "X1"))
                .isInstanceOf(AgentWorkException.class)
                .hasMessageStartingWith("product X1 is not in the catalog; find its code with 'sincro product search TEXT'");
    }

    @Test
    void manyQuotesAreEachAsOneQuoteInTheProductsOrder() {
        assertThat(prices.quotes(ROSSI, List.of("P002", "P001", "P004")))
                .containsExactly(prices.quote(ROSSI, "P002"), prices.quote(ROSSI, "P001"), prices.quote(ROSSI, "P004"));
        assertThatThrownBy(() -> prices.quotes(ROSSI, List.of("P001", "X1")))
                .isInstanceOf(AgentWorkException.class).hasMessageStartingWith("product X1 is not in the catalog");
    }

    @Test
    void aSpecialPriceSetHereIsStampedWithTheClockAndTheAgent() {
        station.clock.advance(Duration.ofHours(3));

        SpecialPrice set = prices.setSpecialPrice(ROSSI, "P001", new BigDecimal("9.40"), new BigDecimal("2.5"));

        assertThat(set.updatedAt()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(set.updatedBy()).isEqualTo("A01");
        assertThat(prices.quote(ROSSI, "P001").source()).isEqualTo(EffectivePrice.Source.SPECIAL_PRICE);
        assertThat(Sql.rows(station.db, "SELECT price, discount, updated_by FROM special_price"
                + " WHERE customer_code = 'C00001' AND product_code = 'P001'"))
                .containsExactly(List.of("9.4000", "2.50", "A01"));
    }

    @Test
    void editingTheHeadOfficesSpecialPriceTakesItOver() {
        SpecialPrice set = prices.setSpecialPrice(ROSSI, "P002", new BigDecimal("14.00"), null);

        assertThat(set.updatedBy()).isEqualTo("A01");
        assertThat(set.discount()).isEqualByComparingTo("0");
    }

    @Test
    void settingTheSamePriceAgainKeepsItsStamp() {
        prices.setSpecialPrice(ROSSI, "P001", new BigDecimal("9.40"), null);
        station.clock.advance(Duration.ofDays(1));

        SpecialPrice again = prices.setSpecialPrice(ROSSI, "P001", new BigDecimal("9.4"), BigDecimal.ZERO);

        assertThat(again.updatedAt()).isEqualTo(Instant.parse("2026-03-02T08:00:00Z"));
    }

    @Test
    void badFiguresAreRefusedSayingWhatFits() {
        assertThatThrownBy(() -> prices.setSpecialPrice(ROSSI, "P001", new BigDecimal("-1"), null))
                .hasMessage("price -1 is not above zero; give the unit price before discount (for goods given free,"
                        + " a price with discount 100)");
        assertThatThrownBy(() -> prices.setSpecialPrice(ROSSI, "P001", new BigDecimal("1.23456"), null))
                .hasMessage("price 1.23456 has more than 4 decimals; round it to 4 at most");
        assertThatThrownBy(() -> prices.setSpecialPrice(ROSSI, "P001", BigDecimal.TEN, new BigDecimal("120")))
                .hasMessage("discount 120 is not a percentage from 0 to 100; give it as a number such as 5 or 12.5");
        assertThatThrownBy(() -> prices.setSpecialPrice(ROSSI, "P001", BigDecimal.TEN, new BigDecimal("1.234")))
                .hasMessage("discount 1.234 has more than 2 decimals; round it to 2 at most");
        assertThat(Sql.count(station.db, "SELECT COUNT(*) FROM special_price")).isEqualTo(2);
    }

    @Test
    void aSpecialPriceOnAnInactiveProductIsRefused() {
        assertThatThrownBy(() -> prices.setSpecialPrice(ROSSI, "P009", BigDecimal.TEN, null))
                .isInstanceOf(AgentWorkException.class)
                .hasMessage("product P009 is inactive since the last catalog update, so it can no longer be sold;"
                        + " set the special price on the product that replaces it");
    }

    @Test
    void aSpecialPriceForAnUnknownCustomerIsRefused() {
        assertThatThrownBy(() -> prices.setSpecialPrice("C99999", "P001", BigDecimal.TEN, null))
                .isInstanceOf(AgentWorkException.class)
                .hasMessageStartingWith("customer C99999 is not on this station");
    }
}
