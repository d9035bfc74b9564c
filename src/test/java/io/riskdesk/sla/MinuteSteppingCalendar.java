package io.riskdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.riskdesk.playbook.CalendarSpec.Window;

/**
 * {@link BusinessCalendar} written for obviousness, not speed: it walks through time a minute at
 * a time and asks of each minute whether it is working time. The reference the fast calendar is
 * checked against (BusinessCalendarPropertiesTest) and measured against (bench/).
 * <p>
 * Working time begins and ends on whole minutes (window bounds are whole local minutes, zone
 * offsets whole minutes), so the time from any instant to the next whole minute is either all
 * working time or none.
 */
public class MinuteSteppingCalendar {

	private static final Duration MINUTE = Duration.ofMinutes(1);

	private final ZoneId zone;

	private final Map<DayOfWeek, List<Window>> week;

	private final Predicate<LocalDate> closed;

	public MinuteSteppingCalendar(ZoneId zone, Map<DayOfWeek, List<Window>> week, Predicate<LocalDate> closed) {
		this.zone = zone;
		this.week = week;
		this.closed = closed;
	}

	/** Within a window of its local date, unless that date is closed; bounds resolved as ZonedDateTime resolves them. */
	public boolean isWorking(Instant t) {
		LocalDate date = LocalDate.ofInstant(t, zone);
		if (closed.test(date)) {
			return false;
		}
		for (Window window : week.getOrDefault(date.getDayOfWeek(), List.of())) {
			if (!t.isBefore(at(date, window.startMinute())) && t.isBefore(at(date, window.endMinute()))) {
				return true;
			}
		}
		return false;
	}

	public Instant nextBusinessMoment(Instant t) {
		return plus(t, Duration.ZERO);
	}

	/** The first working instant at which {@code businessTime} is used up. */
	public Instant plus(Instant start, Duration businessTime) {
		Instant t = start;
		Duration left = businessTime;
		while (true) {
			if (!isWorking(t)) {
				t = nextMinute(t);
			}
			else if (left.isZero()) {
				return t;
			}
			else {
				Duration worked = min(left, Duration.between(t, nextMinute(t)));
				t = t.plus(worked);
				left = left.minus(worked);
				if (left.isZero()) {
					return t;
				}
			}
		}
	}

	public Duration between(Instant from, Instant to) {
		Duration total = Duration.ZERO;
		for (Instant t = from; t.isBefore(to); t = min(nextMinute(t), to)) {
			if (isWorking(t)) {
				total = total.plus(Duration.between(t, min(nextMinute(t), to)));
			}
		}
		return total;
	}

	/** Same business time into the {@code days}-th next day with working time, or that day's end if it has less. */
	public Instant plusBusinessDays(Instant start, int days) {
		Instant from = nextBusinessMoment(start);
		LocalDate date = LocalDate.ofInstant(from, zone);
		Duration worked = between(date.atStartOfDay(zone).toInstant(), from);
		for (int i = 0; i < days; i++) {
			do {
				date = date.plusDays(1);
			}
			while (workingTime(date).isZero());
		}
		if (worked.compareTo(workingTime(date)) < 0) {
			return nextBusinessMoment(plus(date.atStartOfDay(zone).toInstant(), worked));
		}
		Instant end = null;
		for (Instant t = date.atStartOfDay(zone).toInstant(); t.isBefore(nextDay(date)); t = t.plus(MINUTE)) {
			if (isWorking(t)) {
				end = t.plus(MINUTE);
			}
		}
		return end;
	}

	private Duration workingTime(LocalDate date) {
		return between(date.atStartOfDay(zone).toInstant(), nextDay(date));
	}

	private Instant nextDay(LocalDate date) {
		return date.plusDays(1).atStartOfDay(zone).toInstant();
	}

	private Instant at(LocalDate date, int minute) {
		return date.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
	}

	private static Instant nextMinute(Instant t) {
		return t.truncatedTo(ChronoUnit.MINUTES).plus(MINUTE);
	}

	private static <T extends Comparable<T>> T min(T a, T b) {
		return a.compareTo(b) <= 0 ? a : b;
	}

}
