package io.riskdesk.cadence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.riskdesk.playbook.Cadence;

/**
 * The days a cadence meets on an account's business days. The series starts on its anchor, the
 * first business day on or after the day it starts on. Its <em>planned</em> days (what the
 * invite's RRULE says):
 * <ul>
 * <li>DAILY: every working weekday of the account's calendar;</li>
 * <li>THREE_TIMES_WEEKLY: Monday, Wednesday and Friday;</li>
 * <li>TWICE_WEEKLY: Tuesday and Thursday;</li>
 * <li>WEEKLY: the anchor's weekday every week;</li>
 * <li>BIWEEKLY: the anchor's weekday every other week.</li>
 * </ul>
 * A planned day that is not a business day (a holiday, a closure, a weekday the calendar does
 * not work) moves to the next business day, unless the series meets on that day anyway: then it
 * is skipped, so nobody gets two meetings on one day: a daily war room skips a holiday, a
 * Monday/Wednesday/Friday series moves a holiday Wednesday to Thursday and skips a holiday Friday
 * (Monday meets anyway).
 */
final class MeetingDays {

	private static final Set<DayOfWeek> MONDAY_WEDNESDAY_FRIDAY = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY,
			DayOfWeek.FRIDAY);

	private static final Set<DayOfWeek> TUESDAY_THURSDAY = EnumSet.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);

	/** Gives up looking for a business day after this long, like the business calendar does. */
	private static final int MAX_DAYS_WITHOUT_WORK = 2 * 366;

	private final Cadence cadence;

	private final Set<DayOfWeek> workWeek;

	private final Predicate<LocalDate> businessDay;

	private final LocalDate anchor;

	/**
	 * @param workWeek the weekdays the account's calendar has working time on
	 * @param businessDay whether a day has working time in the account's calendar
	 */
	MeetingDays(Cadence cadence, LocalDate startsOn, Set<DayOfWeek> workWeek, Predicate<LocalDate> businessDay) {
		this.cadence = cadence;
		this.workWeek = EnumSet.copyOf(workWeek);
		this.businessDay = businessDay;
		this.anchor = businessDay.test(startsOn) ? startsOn : nextBusinessDay(startsOn);
	}

	/** The weekdays the series is planned on, as the RRULE names them. */
	Set<DayOfWeek> plannedWeekdays() {
		return switch (cadence) {
			case DAILY -> EnumSet.copyOf(workWeek);
			case THREE_TIMES_WEEKLY -> EnumSet.copyOf(MONDAY_WEDNESDAY_FRIDAY);
			case TWICE_WEEKLY -> EnumSet.copyOf(TUESDAY_THURSDAY);
			case WEEKLY, BIWEEKLY -> EnumSet.of(anchor.getDayOfWeek());
		};
	}

	/** Weeks between two planned weeks: 2 for BIWEEKLY, else 1. */
	int weekInterval() {
		return cadence == Cadence.BIWEEKLY ? 2 : 1;
	}

	/** Whether the series plans a meeting on this day (before moving it off a holiday). */
	boolean planned(LocalDate day) {
		if (day.isBefore(anchor) || !plannedWeekdays().contains(day.getDayOfWeek())) {
			return false;
		}
		return cadence != Cadence.BIWEEKLY || ChronoUnit.DAYS.between(anchor, day) % 14 == 0;
	}

	/** The first planned day: the invite's DTSTART. */
	LocalDate firstPlanned() {
		LocalDate day = anchor;
		while (!planned(day)) {
			day = day.plusDays(1);
		}
		return day;
	}

	/** The meetings from {@code from} to {@code to} (both included), in order. */
	List<Day> between(LocalDate from, LocalDate to) {
		List<Day> days = new ArrayList<>();
		LocalDate last = null;
		// From the anchor: a holiday before {@code from} may move its meeting into the range.
		for (LocalDate planned = firstPlanned(); !planned.isAfter(to); planned = planned.plusDays(1)) {
			if (!planned(planned)) {
				continue;
			}
			LocalDate held = businessDay.test(planned) ? planned : nextBusinessDay(planned);
			boolean meetsAnyway = !held.equals(planned) && planned(held);
			if (meetsAnyway || held.equals(last) || held.isAfter(to)) {
				continue;
			}
			last = held;
			if (!held.isBefore(from)) {
				days.add(new Day(held, held.equals(planned) ? null : planned));
			}
		}
		return days;
	}

	/** Planned days up to {@code to} that have no meeting on them: the invite's EXDATEs. */
	List<LocalDate> skippedOrMoved(LocalDate to) {
		List<LocalDate> held = between(anchor, to).stream().map(Day::date).toList();
		List<LocalDate> skipped = new ArrayList<>();
		for (LocalDate day = firstPlanned(); !day.isAfter(to); day = day.plusDays(1)) {
			if (planned(day) && !held.contains(day)) {
				skipped.add(day);
			}
		}
		return skipped;
	}

	private LocalDate nextBusinessDay(LocalDate day) {
		for (LocalDate next = day.plusDays(1); next.isBefore(day.plusDays(MAX_DAYS_WITHOUT_WORK)); next = next.plusDays(1)) {
			if (businessDay.test(next)) {
				return next;
			}
		}
		throw new IllegalStateException("No business day in the " + MAX_DAYS_WITHOUT_WORK + " days after " + day);
	}

	/** A meeting day; {@code movedFrom} is the planned day it moved from, null when it did not move. */
	record Day(LocalDate date, LocalDate movedFrom) {
	}

}
