package io.sincro.rules.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.sincro.rules.conflicts.PriceVersion;

class NewestWinsTest {

    private static final Instant T = Instant.parse("2026-03-02T08:00:00Z");

    private final NewestWins newestWins = new NewestWins();

    private static PriceVersion price(String price, Instant at, String by) {
        return new PriceVersion(new BigDecimal(price), BigDecimal.ZERO, at, by, false);
    }

    @Test
    void theLaterChangeWinsWhoeverMadeIt() {
        assertThat(newestWins.compare(price("1", T.plusMillis(1), "A01"), price("2", T, "HQ"))).isPositive();
        assertThat(newestWins.compare(price("2", T, "HQ"), price("1", T.plusMillis(1), "A01"))).isNegative();
    }

    @Test
    void atTheSameInstantTheHeadOfficeWins() {
        assertThat(newestWins.compare(price("1", T, "HQ"), price("2", T, "A01"))).isPositive();
        assertThat(newestWins.compare(price("2", T, "A01"), price("1", T, "HQ"))).isNegative();
    }

    @Test
    void anyRemainingTieIsDecidedTheSameWayFromBothSides() {
        PriceVersion deletion = PriceVersion.deletion(T, "A01");
        PriceVersion[] versions = {price("1", T, "A01"), price("2", T, "A01"), deletion, price("1", T, "A02")};
        for (PriceVersion a : versions) {
            for (PriceVersion b : versions) {
                assertThat(Integer.signum(newestWins.compare(a, b))).isEqualTo(-Integer.signum(newestWins.compare(b, a)));
                assertThat(newestWins.compare(a, b) == 0).isEqualTo(a.equals(b));
            }
        }
    }
}
