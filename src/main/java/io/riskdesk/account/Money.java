package io.riskdesk.account;

import java.math.BigDecimal;
import java.util.Currency;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** An amount in an ISO 4217 currency. Never a double. */
public record Money(@NotNull @PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal amount,
		@NotNull Currency currency) {

}
