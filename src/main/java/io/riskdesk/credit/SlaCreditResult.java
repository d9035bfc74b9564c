package io.riskdesk.credit;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.riskdesk.account.Money;

/**
 * What an SLA gives for a period's outages.
 *
 * @param periodMinutes the period's length
 * @param downtimeMinutes weighted downtime within the period (overlaps counted once), to 2 decimals
 * @param achievedPercent the uptime achieved, cut (not rounded) to 4 decimals so it is under a threshold
 * exactly when the unrounded value is
 * @param met whether the uptime reached the target
 * @param creditPercent the percentage of the fees credited: the applicable tier's, at most the cap; 0 when no tier applies
 * @param credit that percentage of the period's fees, rounded half up to the currency's minor unit
 * @param capped whether the cap cut the tier's percentage
 * @param steps the arithmetic in words
 */
public record SlaCreditResult(long periodMinutes, BigDecimal downtimeMinutes, BigDecimal achievedPercent, boolean met,
		BigDecimal creditPercent, Money credit, boolean capped, List<String> steps, @JsonIgnore String summary) {
}
