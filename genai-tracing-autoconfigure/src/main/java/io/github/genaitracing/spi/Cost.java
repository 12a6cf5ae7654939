package io.github.genaitracing.spi;

import java.math.BigDecimal;

/**
 * What something cost, in one currency.
 *
 * @param amount the amount
 * @param currency the currency, such as {@code USD}
 * @since 0.1.0
 */
public record Cost(BigDecimal amount, String currency) {

}
