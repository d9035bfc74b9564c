package io.riskdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import io.riskdesk.playbook.CalendarSpec.Window;
import org.junit.jupiter.api.Test;

import static io.riskdesk.sla.TestCalendars.EVERY_DAY;
import static io.riskdesk.sla.TestCalendars.MONDAY_TO_FRIDAY;
import static io.riskdesk.sla.TestCalendars.week;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast calendar agrees with the minute-stepping reference on random calendars, zones,
 * holidays, starts (with seconds and nanoseconds, on window bounds, around DST changes) and
 * amounts. A fixed seed makes every run the same; a failure names its seed and case.
 */
class BusinessCalendarPropertiesTest {

	private static final long SEED = 20261123L;

	private static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Asia/Tokyo",
			"Australia/Sydney");

	private static final List<String> COUNTRIES = List.of("US", "GB", "JP");

	private static final LocalDate FIRST_DAY = LocalDate.of(2026, 1, 1);

	private static final int DAYS = 730;

	private static final Map<String, Map<DayOfWeek, List<Window>>> WEEKS = Map.of(
			"office", week(MONDAY_TO_FRIDAY, "09:00-17:00"),
			"split", week(MONDAY_TO_FRIDAY, "09:00-12:00", "13:00-17:00"),
			"sunday-to-thursday", week(EnumSet.of(SUNDAY, MONDAY, TUESDAY, WEDNESDAY, THURSDAY), "08:00-16:00"),
			"evenings", week(MONDAY_TO_FRIDAY, "09:00-12:00", "22:00-24:00"),
			// Bounds inside the DST gaps and overlaps of New York, London and Sydney.
			"small-hours", week(EVERY_DAY, "01:00-02:30", "03:00-04:00"));

	private static final List<String> WEEK_NAMES = WEEKS.keySet().stream().sorted().toList();

	private final Random random = new Random(SEED);

	private final Map<String, BusinessCalendar> calendars = new HashMap<>();

	@Test
	void plusAgreesWithTheReference() {
		forCases(1000, c -> {
			Instant end = fast(c).plus(c.start(), c.businessTime());
			assertThat(end).as(c.toString()).isEqualTo(reference(c).plus(c.start(), c.businessTime()));
			assertThat(fast(c).between(c.start(), end)).as(c.toString()).isEqualTo(c.businessTime());
		});
	}

	@Test
	void betweenAgreesWithTheReference() {
		forCases(1000, c -> assertThat(fast(c).between(c.start(), c.end())).as(c.toString())
			.isEqualTo(reference(c).between(c.start(), c.end())));
	}

	@Test
	void nextBusinessMomentAgreesWithTheReference() {
		forCases(2000, c -> assertThat(fast(c).nextBusinessMoment(c.start())).as(c.toString())
			.isEqualTo(reference(c).nextBusinessMoment(c.start())));
	}

	@Test
	void plusBusinessDaysAgreesWithTheReference() {
		forCases(200, c -> assertThat(fast(c).plusBusinessDays(c.start(), c.days())).as(c.toString())
			.isEqualTo(reference(c).plusBusinessDays(c.start(), c.days())));
	}

	private void forCases(int count, Consumer<Case> check) {
		for (int i = 0; i < count; i++) {
			String week = WEEK_NAMES.get(random.nextInt(WEEK_NAMES.size()));
			ZoneId zone = ZoneId.of(ZONES.get(random.nextInt(ZONES.size())));
			String country = COUNTRIES.get(random.nextInt(COUNTRIES.size()));
			Instant start = randomInstant(WEEKS.get(week), zone);
			Instant end = start.plus(Duration.ofMinutes(random.nextInt(14 * 24 * 60))).plusNanos(random.nextInt(1_000_000_000));
			check.accept(new Case(i, week, zone, country, start, end, randomDuration(WEEKS.get(week)), random.nextInt(11)));
		}
	}

	/** A day of 2026-2027 (a third of them near a DST change), at a window bound or any minute, often with seconds. */
	private Instant randomInstant(Map<DayOfWeek, List<Window>> week, ZoneId zone) {
		LocalDate date = FIRST_DAY.plusDays(random.nextInt(DAYS));
		ZoneOffsetTransition change = zone.getRules().nextTransition(date.atStartOfDay(zone).toInstant());
		if (random.nextInt(3) == 0 && change != null) {
			date = change.getDateTimeBefore().toLocalDate().plusDays(random.nextInt(5) - 2);
		}
		List<Window> windows = week.values().stream().flatMap(List::stream).toList();
		Window window = windows.get(random.nextInt(windows.size()));
		int minute = switch (random.nextInt(3)) {
			case 0 -> window.startMinute();
			case 1 -> window.endMinute();
			default -> random.nextInt(24 * 60);
		};
		Instant t = date.atStartOfDay().plusMinutes(minute).atZone(zone).toInstant();
		return random.nextBoolean() ? t : t.plusNanos(random.nextLong(60_000_000_000L));
	}

	/** Up to ten of the calendar's longest days, mostly whole minutes. */
	private Duration randomDuration(Map<DayOfWeek, List<Window>> week) {
		int longestDay = week.values().stream()
			.mapToInt(windows -> windows.stream().mapToInt(w -> w.endMinute() - w.startMinute()).sum())
			.max()
			.orElseThrow();
		Duration minutes = Duration.ofMinutes(random.nextInt(10 * longestDay + 1));
		return random.nextInt(4) == 0 ? minutes.plusNanos(random.nextInt(1_000_000_000)) : minutes;
	}

	private BusinessCalendar fast(Case c) {
		return calendars.computeIfAbsent(c.week() + c.zone() + c.country(),
				key -> new BusinessCalendar(c.zone(), WEEKS.get(c.week()), TestCalendars.holidays(c.country())));
	}

	private static MinuteSteppingCalendar reference(Case c) {
		return new MinuteSteppingCalendar(c.zone(), WEEKS.get(c.week()), TestCalendars.holidays(c.country()));
	}

	/** One random input of every operation. */
	private record Case(int number, String week, ZoneId zone, String country, Instant start, Instant end,
			Duration businessTime, int days) {

		@Override
		public String toString() {
			return "seed %d, case %d: %s calendar in %s with %s holidays, from %s (%s) to %s, %s, %d days".formatted(SEED,
					number, week, zone, country, start, start.atZone(zone).toLocalDateTime(), end, businessTime, days);
		}

	}

}
