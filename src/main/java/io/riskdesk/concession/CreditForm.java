package io.riskdesk.concession;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

import io.riskdesk.account.Money;
import io.riskdesk.credit.MeasurementPeriod;
import io.riskdesk.credit.OutageScope;
import io.riskdesk.credit.SlaCreditRequest;

/**
 * The calculator form of a risk's concession panel as the page posts it: a fixed number of tier
 * and outage rows (times in UTC), of which the blank ones are left out of the request.
 */
record CreditForm(BigDecimal uptimeTargetPercent, MeasurementPeriod period, LocalDate periodStart,
		BigDecimal feesAmount, Currency feesCurrency, BigDecimal capPercent, List<TierRow> tiers,
		List<OutageRow> outages) {

	static final int TIER_ROWS = 3;

	static final int OUTAGE_ROWS = 4;

	record TierRow(BigDecimal belowPercent, BigDecimal creditPercent) {
	}

	record OutageRow(LocalDateTime start, LocalDateTime end, OutageScope scope, BigDecimal weight) {
	}

	CreditForm {
		tiers = rows(tiers, TIER_ROWS, new TierRow(null, null));
		outages = rows(outages, OUTAGE_ROWS, new OutageRow(null, null, OutageScope.ALL_USERS, null));
	}

	/** A form with the usual terms of a 99.9% SLA, in the account's currency. */
	static CreditForm initial(Currency currency, LocalDate periodStart) {
		return new CreditForm(new BigDecimal("99.9"), MeasurementPeriod.MONTH, periodStart, null, currency,
				new BigDecimal("100"), List.of(new TierRow(new BigDecimal("99.9"), new BigDecimal("10")),
						new TierRow(new BigDecimal("99"), new BigDecimal("25")),
						new TierRow(new BigDecimal("95"), new BigDecimal("50"))),
				List.of());
	}

	SlaCreditRequest toRequest() {
		return new SlaCreditRequest(uptimeTargetPercent, period, periodStart,
				feesAmount == null && feesCurrency == null ? null : new Money(feesAmount, feesCurrency),
				tiers.stream().filter(t -> t.belowPercent() != null || t.creditPercent() != null)
					.map(t -> new SlaCreditRequest.Tier(t.belowPercent(), t.creditPercent()))
					.toList(),
				capPercent,
				outages.stream().filter(o -> o.start() != null || o.end() != null)
					.map(o -> new SlaCreditRequest.Outage(utc(o.start()), utc(o.end()), o.scope(),
							o.scope() == OutageScope.PARTIAL ? o.weight() : null))
					.toList());
	}

	private static java.time.Instant utc(LocalDateTime time) {
		return time == null ? null : time.toInstant(ZoneOffset.UTC);
	}

	private static <T> List<T> rows(List<T> given, int count, T blank) {
		List<T> rows = new ArrayList<>(given == null ? List.of() : given.stream().map(r -> Objects.requireNonNullElse(r, blank)).toList());
		while (rows.size() < count) {
			rows.add(blank);
		}
		return List.copyOf(rows);
	}

}
