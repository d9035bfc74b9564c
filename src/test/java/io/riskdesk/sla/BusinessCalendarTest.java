package io.riskdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import io.riskdesk.playbook.CalendarSpec.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.riskdesk.sla.TestCalendars.EVERY_DAY;
import static io.riskdesk.sla.TestCalendars.MONDAY_TO_FRIDAY;
import static io.riskdesk.sla.TestCalendars.week;
import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Business time worked out by hand. Times are written with the offset in force locally. */
class BusinessCalendarTest {

	private static final Map<String, Map<DayOfWeek, List<Window>>> WEEKS = Map.of(
			"office", week(MONDAY_TO_FRIDAY, "09:00-17:00"),
			"split", week(MONDAY_TO_FRIDAY, "09:00-12:00", "13:00-17:00"),
			"no-wednesday", week(EnumSet.of(MONDAY, TUESDAY, THURSDAY, FRIDAY), "09:00-17:00"),
			"short-friday", week(Map.of(MONDAY, List.of("09:00-17:00"), TUESDAY, List.of("09:00-17:00"),
					WEDNESDAY, List.of("09:00-17:00"), THURSDAY, List.of("09:00-17:00"), FRIDAY, List.of("09:00-13:00"))),
			"small-hours", week(EVERY_DAY, "00:00-04:00"),
			"small-hours-split", week(EVERY_DAY, "01:00-02:30", "03:00-04:00"));

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Friday afternoon runs into Monday        | America/New_York | office       | US | 2026-11-20T15:00-05:00       | PT4H    | 2026-11-23T11:00-05:00
			a Saturday start waits for Monday        | America/New_York | office       | US | 2026-11-21T10:00-05:00       | PT4H    | 2026-11-23T13:00-05:00
			Thanksgiving is skipped                  | America/New_York | office       | US | 2026-11-25T15:00-05:00       | PT4H    | 2026-11-27T11:00-05:00
			over the weekend DST starts              | America/New_York | office       | US | 2026-03-06T16:00-05:00       | PT2H    | 2026-03-09T10:00-04:00
			over the weekend DST ends                | America/New_York | office       | US | 2026-10-30T16:00-04:00       | PT2H    | 2026-11-02T10:00-05:00
			London skips Christmas and Boxing Day    | Europe/London    | office       | GB | 2026-12-24T16:00Z            | PT4H    | 2026-12-29T12:00Z
			London over the weekend DST starts       | Europe/London    | office       | GB | 2026-03-27T16:00Z            | PT2H    | 2026-03-30T10:00+01:00
			Tokyo skips Labour Thanksgiving Day      | Asia/Tokyo       | office       | JP | 2026-11-20T16:00+09:00       | PT4H    | 2026-11-24T12:00+09:00
			Tokyo skips Culture Day                  | Asia/Tokyo       | office       | JP | 2026-11-02T16:00+09:00       | PT4H    | 2026-11-04T12:00+09:00
			zero within working time is the start    | America/New_York | office       | US | 2026-11-18T10:30:15.5-05:00  | PT0S    | 2026-11-18T10:30:15.5-05:00
			zero at closing is the next opening      | America/New_York | office       | US | 2026-11-20T17:00-05:00       | PT0S    | 2026-11-23T09:00-05:00
			fractions of a second are kept           | America/New_York | office       | US | 2026-11-20T16:59:59.25-05:00 | PT1.5S  | 2026-11-23T09:00:00.75-05:00
			using up a day ends at its closing       | America/New_York | office       | US | 2026-11-20T13:00-05:00       | PT4H    | 2026-11-20T17:00-05:00
			30 business days of hours                | America/New_York | office       | US | 2026-11-10T14:30-05:00       | PT240H  | 2026-12-24T14:30-05:00
			split day over lunch                     | America/New_York | split        | US | 2026-11-16T11:00-05:00       | PT2H    | 2026-11-16T14:00-05:00
			split day: the morning ends at 12:00     | America/New_York | split        | US | 2026-11-16T11:00-05:00       | PT1H    | 2026-11-16T12:00-05:00
			a weekday without working time           | America/New_York | no-wednesday | US | 2026-11-17T15:00-05:00       | PT4H    | 2026-11-19T11:00-05:00
			a window over DST start is 3 real hours  | America/New_York | small-hours  | -  | 2026-03-08T00:00-05:00       | PT3H    | 2026-03-08T04:00-04:00
			a window over DST end is 5 real hours    | America/New_York | small-hours  | -  | 2026-11-01T00:00-04:00       | PT4H30M | 2026-11-01T03:30-05:00
			""")
	void plus(String name, String zone, String week, String holidays, OffsetDateTime start, Duration businessTime,
			OffsetDateTime expected) {
		assertThat(calendar(zone, week, holidays).plus(start.toInstant(), businessTime)).isEqualTo(expected.toInstant());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			Friday 15:00 is Monday 15:00             | office       | 2026-11-20T15:00-05:00      | 1  | 2026-11-23T15:00-05:00
			a Saturday start is from Monday 09:00    | office       | 2026-11-21T10:00-05:00      | 1  | 2026-11-24T09:00-05:00
			zero is the next business moment         | office       | 2026-11-21T10:00-05:00      | 0  | 2026-11-23T09:00-05:00
			zero within working time is the start    | office       | 2026-11-18T10:30:15.5-05:00 | 0  | 2026-11-18T10:30:15.5-05:00
			over Thanksgiving                        | office       | 2026-11-25T15:00-05:00      | 1  | 2026-11-27T15:00-05:00
			30 business days                         | office       | 2026-11-10T14:30-05:00      | 30 | 2026-12-24T14:30-05:00
			over the weekend DST starts              | office       | 2026-03-06T15:00-05:00      | 1  | 2026-03-09T15:00-04:00
			split day after lunch stays after lunch  | split        | 2026-11-19T13:00-05:00      | 1  | 2026-11-20T13:00-05:00
			a shorter day ends at its closing        | short-friday | 2026-11-19T15:00-05:00      | 1  | 2026-11-20T13:00-05:00
			""")
	void plusBusinessDays(String name, String week, OffsetDateTime start, int days, OffsetDateTime expected) {
		assertThat(calendar("America/New_York", week, "US").plusBusinessDays(start.toInstant(), days))
			.isEqualTo(expected.toInstant());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			across a weekend                         | office            | 2026-11-20T15:00-05:00     | 2026-11-23T11:00-05:00   | PT4H
			across a weekend and Thanksgiving        | office            | 2026-11-25T15:00-05:00     | 2026-11-30T11:00-05:00   | PT12H
			backwards is zero                        | office            | 2026-11-23T11:00-05:00     | 2026-11-20T15:00-05:00   | PT0S
			outside working time only is zero        | office            | 2026-11-21T10:00-05:00     | 2026-11-22T10:00-05:00   | PT0S
			within one second                        | office            | 2026-11-18T10:00:00.5-05:00 | 2026-11-18T10:00:01-05:00 | PT0.5S
			split day leaves out lunch               | split             | 2026-11-16T11:00-05:00     | 2026-11-16T14:00-05:00   | PT2H
			a window over DST start                  | small-hours       | 2026-03-08T00:00-05:00     | 2026-03-08T04:00-04:00   | PT3H
			a window over DST end                    | small-hours       | 2026-11-01T00:00-04:00     | 2026-11-01T04:00-05:00   | PT5H
			windows meeting in a DST gap count once  | small-hours-split | 2026-03-08T00:00-05:00     | 2026-03-09T00:00-04:00   | PT2H
			the same windows on a plain day          | small-hours-split | 2026-03-09T00:00-04:00     | 2026-03-10T00:00-04:00   | PT2H30M
			""")
	void between(String name, String week, OffsetDateTime from, OffsetDateTime to, Duration expected) {
		assertThat(calendar("America/New_York", week, "US").between(from.toInstant(), to.toInstant())).isEqualTo(expected);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			within working time is itself            | office | 2026-11-18T10:30:15.5-05:00   | 2026-11-18T10:30:15.5-05:00
			just before opening                      | office | 2026-11-23T08:59:59.999-05:00 | 2026-11-23T09:00-05:00
			at opening                               | office | 2026-11-23T09:00-05:00        | 2026-11-23T09:00-05:00
			at closing                               | office | 2026-11-23T17:00-05:00        | 2026-11-24T09:00-05:00
			Friday evening                           | office | 2026-11-20T17:00-05:00        | 2026-11-23T09:00-05:00
			on Thanksgiving                          | office | 2026-11-26T12:00-05:00        | 2026-11-27T09:00-05:00
			Christmas Eve evening                    | office | 2026-12-24T17:00-05:00        | 2026-12-28T09:00-05:00
			lunch on a split day                     | split  | 2026-11-16T12:30-05:00        | 2026-11-16T13:00-05:00
			""")
	void nextBusinessMoment(String name, String week, OffsetDateTime t, OffsetDateTime expected) {
		assertThat(calendar("America/New_York", week, "US").nextBusinessMoment(t.toInstant())).isEqualTo(expected.toInstant());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			during working hours: today's closing      | office | 2026-11-20T10:00-05:00 | 2026-11-20T17:00-05:00
			after hours: the next working day's closing | office | 2026-11-20T18:00-05:00 | 2026-11-23T17:00-05:00
			on Thanksgiving: the next day's closing     | office | 2026-11-26T10:00-05:00 | 2026-11-27T17:00-05:00
			split day: the afternoon's closing          | split  | 2026-11-16T10:00-05:00 | 2026-11-16T17:00-05:00
			""")
	void endOfBusinessDay(String name, String week, OffsetDateTime t, OffsetDateTime expected) {
		assertThat(calendar("America/New_York", week, "US").endOfBusinessDay(t.toInstant())).isEqualTo(expected.toInstant());
	}

	@Test
	void findsWorkingTimeAfterLongClosures() {
		BusinessCalendar calendar = new BusinessCalendar(ZoneId.of("America/New_York"), WEEKS.get("office"),
				date -> date.isBefore(LocalDate.of(2027, 12, 31)));

		assertThat(calendar.nextBusinessMoment(Instant.parse("2026-01-05T12:00:00Z")))
			.isEqualTo(Instant.parse("2027-12-31T14:00:00Z"));
	}

	@Test
	void failsClearlyWithoutWorkingTime() {
		BusinessCalendar noHours = new BusinessCalendar(ZoneId.of("UTC"), Map.of(), date -> false);
		BusinessCalendar alwaysClosed = new BusinessCalendar(ZoneId.of("UTC"), WEEKS.get("office"), date -> true);
		Instant now = Instant.parse("2026-11-23T12:00:00Z");

		assertThatIllegalStateException().isThrownBy(() -> noHours.plus(now, Duration.ofHours(4)))
			.withMessage("No working time in the 732 days from 2026-11-23 in UTC: every day is closed or has no working hours");
		assertThatIllegalStateException().isThrownBy(() -> alwaysClosed.plusBusinessDays(now, 1));
		assertThatIllegalStateException().isThrownBy(() -> alwaysClosed.nextBusinessMoment(now));
		assertThat(alwaysClosed.between(now, now.plus(Duration.ofDays(1000)))).isZero();
	}

	@Test
	void givesTheSameAnswersToConcurrentCallers() {
		// Starts 97 minutes apart over almost four years: threads build and switch blocks of days at once.
		List<Instant> starts = IntStream.range(0, 20_000)
			.mapToObj(i -> Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(97L * i)))
			.toList();
		BusinessCalendar shared = calendar("America/New_York", "split", "US");
		BusinessCalendar alone = calendar("America/New_York", "split", "US");

		assertThat(starts.parallelStream().map(start -> shared.plus(start, Duration.ofHours(4))).toList())
			.isEqualTo(starts.stream().map(start -> alone.plus(start, Duration.ofHours(4))).toList());
	}

	@Test
	void refusesNegativeAmounts() {
		BusinessCalendar calendar = calendar("UTC", "office", "-");
		Instant now = Instant.parse("2026-11-23T12:00:00Z");

		assertThatIllegalArgumentException().isThrownBy(() -> calendar.plus(now, Duration.ofMinutes(-1)))
			.withMessageContaining("must not be negative");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.plusBusinessDays(now, -1))
			.withMessageContaining("must not be negative");
	}

	private static BusinessCalendar calendar(String zone, String week, String holidays) {
		Predicate<LocalDate> closed = holidays.equals("-") ? date -> false : TestCalendars.holidays(holidays);
		return new BusinessCalendar(ZoneId.of(zone), WEEKS.get(week), closed);
	}

}
