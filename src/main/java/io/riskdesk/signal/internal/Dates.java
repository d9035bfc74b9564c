package io.riskdesk.signal.internal;

import java.time.LocalDate;

import io.riskdesk.core.SaneDate;

/** The date rules of one request, from today in UTC: within {@link SaneDate#YEARS} years, as every date of the app. */
record Dates(LocalDate tomorrow, LocalDate earliest, LocalDate latest) {

	static Dates of(LocalDate today) {
		return new Dates(today.plusDays(1), today.minusYears(SaneDate.YEARS), today.plusYears(SaneDate.YEARS));
	}

	LocalDate sane(LocalDate date) {
		if (date.isBefore(earliest) || date.isAfter(latest)) {
			throw new Wrong("must be within " + SaneDate.YEARS + " years of today (" + earliest + " to " + latest + ")");
		}
		return date;
	}

}
