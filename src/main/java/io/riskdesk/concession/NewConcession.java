package io.riskdesk.concession;

import java.math.BigDecimal;
import java.util.Currency;

import io.riskdesk.account.Money;
import io.riskdesk.core.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * A concession to propose. Its value is either {@code amount} (in {@code currency}, the account's
 * currency, which may be left out when the account has an ARR) or, for a service credit only,
 * {@code percentOfFees} of {@code fees} (the account's ARR when left out), rounded half up to cents.
 */
public record NewConcession(
		@NotNull ConcessionKind kind,
		@NotBlank @Text(max = Text.NOTE) String description,
		@PositiveOrZero @Digits(integer = 13, fraction = 2) BigDecimal amount,
		Currency currency,
		@Positive @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal percentOfFees,
		@Valid Money fees) {
}
