package io.riskdesk.cadence;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.riskdesk.playbook.Cadence;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which days each cadence meets on, around Easter 2027 (Good Friday 26 March, Easter Monday 29 March). */
class MeetingDaysTest {

	private static final Set<DayOfWeek> WEEKDAYS = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

	private static final Set<LocalDate> EASTER = Set.of(LocalDate.of(2027, 3, 26), LocalDate.of(2027, 3, 29));

	private static final Predicate<LocalDate> BUSINESS_DAY = day -> WEEKDAYS.contains(day.getDayOfWeek())
			&& !EASTER.contains(day);

	private static final LocalDate MONDAY = LocalDate.of(2027, 3, 22);

	private static List<String> meetings(Cadence cadence, LocalDate startsOn, LocalDate to) {
		return new MeetingDays(cadence, startsOn, WEEKDAYS, BUSINESS_DAY).between(startsOn, to)
			.stream()
			.map(day -> day.date() + (day.movedFrom() == null ? "" : " from " + day.movedFrom()))
			.toList();
	}

	@Test
	void aDailyWarRoomSkipsHolidaysAndWeekends() {
		assertThat(meetings(Cadence.DAILY, LocalDate.of(2027, 3, 25), LocalDate.of(2027, 3, 31)))
			.containsExactly("2027-03-25", "2027-03-30", "2027-03-31");
	}

	@Test
	void threeTimesAWeekMovesGoodFridayToTheNextBusinessDayAndSkipsEasterMonday() {
		// Good Friday's meeting moves to Tuesday; Easter Monday's would move there too, and one a day is enough.
		assertThat(meetings(Cadence.THREE_TIMES_WEEKLY, MONDAY, LocalDate.of(2027, 4, 2))).containsExactly("2027-03-22",
				"2027-03-24", "2027-03-30 from 2027-03-26", "2027-03-31", "2027-04-02");
	}

	@Test
	void twiceAWeekMeetsTuesdaysAndThursdays() {
		assertThat(meetings(Cadence.TWICE_WEEKLY, MONDAY, LocalDate.of(2027, 4, 1))).containsExactly("2027-03-23",
				"2027-03-25", "2027-03-30", "2027-04-01");
	}

	@Test
	void weeklyAndBiweeklyKeepTheWeekdayOfTheirFirstBusinessDay() {
		assertThat(meetings(Cadence.WEEKLY, MONDAY, LocalDate.of(2027, 4, 12))).containsExactly("2027-03-22",
				"2027-03-30 from 2027-03-29", "2027-04-05", "2027-04-12");
		// Starting on a Saturday: the first business day is Monday, so Mondays every other week.
		assertThat(meetings(Cadence.BIWEEKLY, LocalDate.of(2027, 3, 13), LocalDate.of(2027, 4, 30)))
			.containsExactly("2027-03-15", "2027-03-30 from 2027-03-29", "2027-04-12", "2027-04-26");
	}

	@Test
	void theInviteExcludesThePlannedDaysThatDoNotMeet() {
		MeetingDays days = new MeetingDays(Cadence.THREE_TIMES_WEEKLY, MONDAY, WEEKDAYS, BUSINESS_DAY);
		assertThat(days.firstPlanned()).isEqualTo(MONDAY);
		assertThat(days.plannedWeekdays()).containsExactly(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY);
		assertThat(days.skippedOrMoved(LocalDate.of(2027, 4, 2))).containsExactly(LocalDate.of(2027, 3, 26),
				LocalDate.of(2027, 3, 29));
	}

	@Test
	void aRangeLaterInTheSeriesGivesTheSameDaysAsTheWholeSeries() {
		MeetingDays days = new MeetingDays(Cadence.BIWEEKLY, MONDAY, WEEKDAYS, BUSINESS_DAY);
		assertThat(days.between(LocalDate.of(2027, 3, 30), LocalDate.of(2027, 4, 30)))
			.containsExactly(new MeetingDays.Day(LocalDate.of(2027, 4, 5), null),
					new MeetingDays.Day(LocalDate.of(2027, 4, 19), null));
	}

}
