package io.sincro.db.prices;

import java.math.BigDecimal;

/** What the back-end's special-prices file said of one price the last time it was loaded. */
public record BackEndPrice(String customerCode, String productCode, BigDecimal price, BigDecimal discount) {
}
