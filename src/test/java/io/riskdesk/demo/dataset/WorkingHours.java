package io.riskdesk.demo.dataset;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The playbook's default calendar (Monday to Friday, 09:00-17:00 in the account's zone) without public
 * holidays: close enough for generated due instants, which the app never recomputes for a clock that
 * is met, breached or stopped. Running clocks of generated risks may thus differ from the app's by a
 * holiday.
 */
final class WorkingHours {

	static final LocalTime OPENS = LocalTime.of(9, 0);

	static final LocalTime CLOSES = LocalTime.of(17, 0);

	static final Duration DAY = Duration.between(OPENS, CLOSES);

	private WorkingHours() {
	}

	/** The instant {@code amount} of working time after {@code start}. */
	static Instant plus(Instant start, Duration amount, ZoneId zone) {
		ZonedDateTime at = start.atZone(zone);
		long left = amount.toSeconds();
		while (true) {
			LocalDate day = at.toLocalDate();
			if (working(day)) {
				ZonedDateTime opens = day.atTime(OPENS).atZone(zone);
				ZonedDateTime closes = day.atTime(CLOSES).atZone(zone);
				ZonedDateTime from = at.isBefore(opens) ? opens : at;
				if (from.isBefore(closes)) {
					long available = Duration.between(from, closes).toSeconds();
					if (left <= available) {
						return from.plusSeconds(left).toInstant();
					}
					left -= available;
				}
			}
			at = day.plusDays(1).atStartOfDay(zone);
		}
	}

	/** The end of the working day of {@code day}, or of the next working day when it is none. */
	static Instant endOfDay(LocalDate day, ZoneId zone) {
		LocalDate working = day;
		while (!working(working)) {
			working = working.plusDays(1);
		}
		return working.atTime(CLOSES).atZone(zone).toInstant();
	}

	/** The end of the working day that {@code start} falls in, or of the next one after it. */
	static Instant endOfDay(Instant start, ZoneId zone) {
		ZonedDateTime at = start.atZone(zone);
		LocalDate day = at.toLocalTime().isBefore(CLOSES) ? at.toLocalDate() : at.toLocalDate().plusDays(1);
		return endOfDay(day, zone);
	}

	/** The next working day on or after {@code day}. */
	static LocalDate onOrAfter(LocalDate day) {
		LocalDate working = day;
		while (!working(working)) {
			working = working.plusDays(1);
		}
		return working;
	}

	static boolean working(LocalDate day) {
		return day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY;
	}

}
