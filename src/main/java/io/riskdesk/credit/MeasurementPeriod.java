package io.riskdesk.credit;

import java.time.LocalDate;

/**
 * How long an SLA measures uptime: a month counts as 30 days, a quarter as 92, a year as the 365
 * or 366 days from its first day to the same day a year later. Days are UTC days.
 */
public enum MeasurementPeriod {
	MONTH, QUARTER, YEAR;

	/** The day after the period's last day. */
	public LocalDate end(LocalDate start) {
		return switch (this) {
			case MONTH -> start.plusDays(30);
			case QUARTER -> start.plusDays(92);
			case YEAR -> start.plusYears(1);
		};
	}

}
