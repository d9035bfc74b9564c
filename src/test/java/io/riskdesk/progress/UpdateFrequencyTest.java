package io.riskdesk.progress;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.CalendarSpec.Window;
import io.riskdesk.sla.BusinessCalendar;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each cadence as a gap in working days, across a weekend and Thanksgiving (Thursday 2026-11-26). */
class UpdateFrequencyTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final BusinessCalendar CALENDAR = new BusinessCalendar(NEW_YORK, nineToFive(),
			Set.of(LocalDate.parse("2026-11-26"))::contains);

	/** Friday 2026-11-20 15:00 in New York. */
	private static final Instant FRIDAY_3PM = Instant.parse("2026-11-20T20:00:00Z");

	/** Wednesday 2026-11-25 11:00 in New York, the day before Thanksgiving. */
	private static final Instant WEDNESDAY_11AM = Instant.parse("2026-11-25T16:00:00Z");

	private static Map<DayOfWeek, List<Window>> nineToFive() {
		Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			week.put(day, List.of(new Window(9 * 60, 17 * 60)));
		}
		return week;
	}

	private static Instant due(Cadence cadence, Instant from) {
		return UpdateFrequency.of(cadence).dueAfter(from, CALENDAR);
	}

	@Test
	void everyCadenceIsAGapInWorkingDays() {
		assertThat(UpdateFrequency.of(Cadence.DAILY).businessDays()).isEqualTo(1);
		assertThat(UpdateFrequency.of(Cadence.THREE_TIMES_WEEKLY).businessDays()).isEqualTo(2);
		assertThat(UpdateFrequency.of(Cadence.TWICE_WEEKLY).businessDays()).isEqualTo(3);
		assertThat(UpdateFrequency.of(Cadence.WEEKLY).businessDays()).isEqualTo(5);
		assertThat(UpdateFrequency.of(Cadence.BIWEEKLY).businessDays()).isEqualTo(10);
	}

	@Test
	void theWeekendIsSkipped() {
		// Friday 15:00 -> Monday 15:00; twice weekly: Monday, Tuesday, Wednesday.
		assertThat(due(Cadence.DAILY, FRIDAY_3PM)).isEqualTo(Instant.parse("2026-11-23T20:00:00Z"));
		assertThat(due(Cadence.THREE_TIMES_WEEKLY, FRIDAY_3PM)).isEqualTo(Instant.parse("2026-11-24T20:00:00Z"));
		assertThat(due(Cadence.TWICE_WEEKLY, FRIDAY_3PM)).isEqualTo(Instant.parse("2026-11-25T20:00:00Z"));
	}

	@Test
	void aHolidayIsSkippedToo() {
		// Thursday is Thanksgiving: daily is due Friday; twice weekly Friday, Monday, Tuesday.
		assertThat(due(Cadence.DAILY, WEDNESDAY_11AM)).isEqualTo(Instant.parse("2026-11-27T16:00:00Z"));
		assertThat(due(Cadence.TWICE_WEEKLY, WEDNESDAY_11AM)).isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
		// Weekly: five working days, the holiday not one of them.
		assertThat(due(Cadence.WEEKLY, WEDNESDAY_11AM)).isEqualTo(Instant.parse("2026-12-03T16:00:00Z"));
		assertThat(due(Cadence.BIWEEKLY, WEDNESDAY_11AM)).isEqualTo(Instant.parse("2026-12-10T16:00:00Z"));
	}

	@Test
	void anUpdateOutsideWorkingHoursCountsFromTheNextWorkingMoment() {
		// Saturday 10:00 counts from Monday 09:00, so daily is due Tuesday 09:00.
		assertThat(due(Cadence.DAILY, Instant.parse("2026-11-21T15:00:00Z"))).isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
	}

}
