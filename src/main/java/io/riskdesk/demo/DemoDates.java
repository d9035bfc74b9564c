package io.riskdesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Objects;

/**
 * Moves the seed escalations' dates next to today. The seed files carry the dates of their
 * documents (2025); loaded as written they would drift out of the register's limits (a risk is
 * detected at most 5 years back) and out of every "next 90 days" view. So every structured date
 * and instant of the demo files (detected-at, renewal dates, action items' due dates) moves by one
 * shift, whole weeks so that weekdays stay what the documents say, putting the newest detection
 * 2 to 8 days before today. Dates written inside free text (descriptions, decisions) stay as written.
 *
 * @param days the shift in days, a multiple of 7
 */
record DemoDates(long days) {

	/** The newest detection lands at least this many days before today. */
	static final int DAYS_BEFORE_TODAY = 2;

	DemoDates {
		if (days % 7 != 0) {
			throw new IllegalArgumentException("a shift of whole weeks, not " + days + " days");
		}
	}

	/** The shift that puts the newest of these detections 2 to 8 days before {@code today}; none without any. */
	static DemoDates relativeTo(LocalDate today, Collection<Instant> detections) {
		return detections.stream()
			.filter(Objects::nonNull)
			.max(Instant::compareTo)
			.map(newest -> ChronoUnit.DAYS.between(newest.atZone(ZoneOffset.UTC).toLocalDate(),
					today.minusDays(DAYS_BEFORE_TODAY)))
			.map(days -> new DemoDates(Math.floorDiv(days, 7) * 7))
			.orElse(new DemoDates(0));
	}

	Instant shift(Instant instant) {
		return instant == null ? null : instant.plus(Duration.ofDays(days));
	}

	LocalDate shift(LocalDate date) {
		return date == null ? null : date.plusDays(days);
	}

}
