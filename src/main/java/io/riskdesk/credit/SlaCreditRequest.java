package io.riskdesk.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.account.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An SLA's terms and the outages of one measurement period.
 *
 * @param uptimeTargetPercent the uptime promised, e.g. 99.9 (between 0 and 100, both excluded)
 * @param periodStart the period's first day (UTC)
 * @param periodFees what the customer pays for the period; credits are a percentage of it
 * @param tiers "below {@code belowPercent} uptime, {@code creditPercent} of the fees": the tier with the
 * lowest threshold the achieved uptime is under applies
 * @param capPercent the most credited, as a percentage of the fees (0 to 100)
 * @param outages may be empty; each is clipped to the period
 */
public record SlaCreditRequest(
		@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax(value = "100", inclusive = false)
		@Digits(integer = 3, fraction = 4) BigDecimal uptimeTargetPercent,
		@NotNull MeasurementPeriod period,
		@NotNull LocalDate periodStart,
		@NotNull @Valid Money periodFees,
		@NotEmpty @Size(max = 20) List<@NotNull @Valid Tier> tiers,
		@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal capPercent,
		@NotNull @Size(max = 1000) List<@NotNull @Valid Outage> outages) {

	public record Tier(
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
			BigDecimal belowPercent,
			@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("100") @Digits(integer = 3, fraction = 4)
			BigDecimal creditPercent) {
	}

	/** @param weight the share of users hit, for a PARTIAL outage only (in (0, 1]); ALL_USERS is 1 */
	public record Outage(@NotNull Instant start, @NotNull Instant end, @NotNull OutageScope scope,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax("1") @Digits(integer = 1, fraction = 4)
			BigDecimal weight) {
	}

}
