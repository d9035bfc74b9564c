package io.riskdesk.cadence;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule's meetings as instants: each meeting day at the time of day in the account's zone,
 * so the local time stays when daylight saving time starts or ends and the UTC instant moves (a
 * time in a DST gap moves forward by the gap, like {@link ZonedDateTime}).
 */
final class MeetingSeries {

	/** How far ahead the next meetings are looked for; a series meets at least every two weeks. */
	private static final int SEARCH_DAYS = 2 * 366;

	private final Schedule schedule;

	private final ZoneId zone;

	private final MeetingDays days;

	MeetingSeries(Schedule schedule, ZoneId zone, MeetingDays days) {
		this.schedule = schedule;
		this.zone = zone;
		this.days = days;
	}

	Schedule schedule() {
		return schedule;
	}

	ZoneId zone() {
		return zone;
	}

	MeetingDays days() {
		return days;
	}

	/** The next {@code count} meetings not over at {@code now}; none once the schedule ended. */
	List<ScheduledMeeting> next(Instant now, int count) {
		List<ScheduledMeeting> next = new ArrayList<>();
		if (schedule.ended()) {
			return next;
		}
		LocalDate from = now.atZone(zone).toLocalDate();
		// Weeks at a time: enough for a bi-weekly series' few meetings without computing a year of days.
		for (int week = 0; next.size() < count && week * 7 < SEARCH_DAYS; week += 4) {
			for (MeetingDays.Day day : days.between(from.plusWeeks(week), from.plusWeeks(week + 4).minusDays(1))) {
				ScheduledMeeting meeting = meeting(day);
				if (meeting.end().isAfter(now) && next.size() < count) {
					next.add(meeting);
				}
			}
		}
		return next;
	}

	/** Whether a meeting of this series starts at {@code start}. */
	boolean startsAt(Instant start) {
		LocalDate day = start.atZone(zone).toLocalDate();
		return days.between(day, day).stream().anyMatch(d -> start(d.date()).toInstant().equals(start));
	}

	ZonedDateTime start(LocalDate day) {
		return day.atTime(schedule.timeOfDay()).atZone(zone);
	}

	Duration length() {
		return Duration.ofMinutes(schedule.minutes());
	}

	private ScheduledMeeting meeting(MeetingDays.Day day) {
		ZonedDateTime start = start(day.date());
		return new ScheduledMeeting(start.toInstant(), start.toInstant().plus(length()), start.toLocalDateTime(),
				day.movedFrom());
	}

}
