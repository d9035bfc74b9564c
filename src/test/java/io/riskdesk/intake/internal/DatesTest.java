package io.riskdesk.intake.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;

import io.riskdesk.intake.internal.Dates.Found;
import io.riskdesk.intake.internal.Dates.Order;
import io.riskdesk.intake.internal.Dates.Reference;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dates as people write them, each resolved against the day (and time) of the message that says it. */
class DatesTest {

	/** A Monday. */
	static final Reference MONDAY_2_MARCH = Reference.on(LocalDate.of(2026, 3, 2));

	static LocalDate due(String text, Reference reference) {
		return Dates.due(text, reference).map(Found::date).orElse(null);
	}

	static LocalDate due(String text, LocalDate on) {
		return due(text, Reference.on(on));
	}

	@Test
	void monthAndDayInEveryCommonOrder() {
		assertThat(due("send it by March 6", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
		assertThat(due("send it by Mar 6th", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
		assertThat(due("send it by 6 March", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
		assertThat(due("send it by the 6th of March", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
		assertThat(due("go-live Nov 21", MONDAY_2_MARCH)).isEqualTo("2026-11-21");
	}

	@Test
	void aDayWithoutAYearWrittenInDecemberIsNextYears() {
		assertThat(due("by Jan 5", LocalDate.of(2025, 12, 20))).isEqualTo("2026-01-05");
		assertThat(Dates.absolute("renews Jan 5", Reference.on(LocalDate.of(2025, 12, 20))).get().date())
			.isEqualTo("2026-01-05");
		// Not a due date: the nearest such day, even if it is past.
		assertThat(Dates.absolute("renewed Nov 30", Reference.on(LocalDate.of(2025, 12, 2))).get().date())
			.isEqualTo("2025-11-30");
	}

	@Test
	void numericDatesFollowTheDocumentsOrderAndStayAmbiguousWithoutOne() {
		assertThat(due("by 6/3", MONDAY_2_MARCH.withOrder(Order.DAY_FIRST))).isEqualTo("2026-03-06");
		assertThat(due("by 3/6", MONDAY_2_MARCH.withOrder(Order.MONTH_FIRST))).isEqualTo("2026-03-06");
		Found open = Dates.due("by 6/3", MONDAY_2_MARCH).get();
		assertThat(open.date()).isEqualTo("2026-06-03");
		assertThat(open.alternatives()).containsExactly(LocalDate.of(2026, 3, 6));
		// Only one reading exists: no ambiguity.
		assertThat(Dates.due("by 25/3", MONDAY_2_MARCH).get().alternatives()).isEmpty();
		assertThat(due("by 25/3", MONDAY_2_MARCH)).isEqualTo("2026-03-25");
		assertThat(due("by 6.3.2026", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
		assertThat(Dates.due("24/7 support", MONDAY_2_MARCH)).isEmpty();
	}

	@Test
	void theDocumentShowsItsOrder() {
		assertThat(Dates.order("Dates below are dd/mm.")).isEqualTo(Order.DAY_FIRST);
		assertThat(Dates.order("Date: 13/03/2026")).isEqualTo(Order.DAY_FIRST);
		assertThat(Dates.order("Date: 03/13/2026")).isEqualTo(Order.MONTH_FIRST);
		assertThat(Dates.order("From: Jonas Berg <jonas@northwind.de>")).isEqualTo(Order.DAY_FIRST);
		assertThat(Dates.order("Date: 03/04/2026")).isEqualTo(Order.UNKNOWN);
	}

	@Test
	void daysNamedRelativeToTheMessage() {
		assertThat(due("by tomorrow", MONDAY_2_MARCH)).isEqualTo("2026-03-03");
		assertThat(due("EOD Friday", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
		assertThat(due("by EOD", MONDAY_2_MARCH)).isEqualTo("2026-03-02");
		assertThat(due("this Friday", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
		assertThat(due("this Friday", LocalDate.of(2026, 3, 6))).isEqualTo("2026-03-06");
		assertThat(due("in two weeks", MONDAY_2_MARCH)).isEqualTo("2026-03-16");
		assertThat(due("within a week", MONDAY_2_MARCH)).isEqualTo("2026-03-09");
		assertThat(due("end of next week", MONDAY_2_MARCH)).isEqualTo("2026-03-13");
		assertThat(due("by end of week", MONDAY_2_MARCH)).isEqualTo("2026-03-06");
	}

	@Test
	void nextTuesdayEarlyInTheWeekIsNextWeeksWithThisWeeksKeptAsTheOtherReading() {
		Found monday = Dates.due("next Tuesday", MONDAY_2_MARCH).get();
		assertThat(monday.date()).isEqualTo("2026-03-10");
		assertThat(monday.alternatives()).containsExactly(LocalDate.of(2026, 3, 3));
		Found friday = Dates.due("next Tuesday", Reference.on(LocalDate.of(2026, 3, 6))).get();
		assertThat(friday.date()).isEqualTo("2026-03-10");
		assertThat(friday.alternatives()).isEmpty();
	}

	@Test
	void relativeDatesAtMonthAndYearEnds() {
		assertThat(due("tomorrow", LocalDate.of(2026, 1, 31))).isEqualTo("2026-02-01");
		assertThat(due("tomorrow", LocalDate.of(2025, 12, 31))).isEqualTo("2026-01-01");
		assertThat(due("end of month", LocalDate.of(2028, 2, 10))).isEqualTo("2028-02-29");
		assertThat(due("end of month", LocalDate.of(2026, 12, 31))).isEqualTo("2026-12-31");
		assertThat(due("end of next month", LocalDate.of(2026, 1, 31))).isEqualTo("2026-02-28");
		assertThat(due("in two weeks", LocalDate.of(2025, 12, 24))).isEqualTo("2026-01-07");
		assertThat(due("next Tuesday", LocalDate.of(2025, 12, 31))).isEqualTo("2026-01-06");
		assertThat(due("within 3 business days", LocalDate.of(2025, 12, 31))).isEqualTo("2026-01-05");
	}

	@Test
	void aQuarterIsItsLastDay() {
		assertThat(due("by Q1", LocalDate.of(2026, 1, 10))).isEqualTo("2026-03-31");
		assertThat(due("by Q1", LocalDate.of(2026, 5, 10))).isEqualTo("2027-03-31");
		assertThat(due("in Q3 2026", LocalDate.of(2026, 1, 10))).isEqualTo("2026-09-30");
		assertThat(due("end of quarter", LocalDate.of(2026, 11, 3))).isEqualTo("2026-12-31");
		assertThat(Dates.absolute("renews in Q2 2027", null).get().date()).isEqualTo("2027-06-30");
	}

	@Test
	void hoursCountFromTheMessagesTimeNearMidnight() {
		Reference lateSunday = new Reference(LocalDate.of(2026, 3, 1), LocalTime.of(23, 10), null, Order.UNKNOWN);
		assertThat(due("within 48 hours", lateSunday)).isEqualTo("2026-03-03");
		assertThat(due("within 4 hours", lateSunday)).isEqualTo("2026-03-02");
		Reference morning = new Reference(LocalDate.of(2026, 3, 1), LocalTime.of(9, 0), null, Order.UNKNOWN);
		assertThat(due("within 4 hours", morning)).isEqualTo("2026-03-01");
		// No time known: hours round up to whole days.
		assertThat(due("within 4 hours", LocalDate.of(2026, 3, 1))).isEqualTo("2026-03-02");
	}

	@Test
	void hoursAcrossADstChangeAreElapsedHoursInTheMessagesZone() {
		ZoneId paris = ZoneId.of("Europe/Paris");
		// Clocks go forward at 02:00 on Sunday 29 March 2026: 24 hours after Saturday 23:30 is Monday 00:30.
		Reference springForward = new Reference(LocalDate.of(2026, 3, 28), LocalTime.of(23, 30), paris, Order.UNKNOWN);
		assertThat(due("within 24 hours", springForward)).isEqualTo("2026-03-30");
		// Clocks go back at 03:00 on Sunday 25 October 2026: 24 hours after 00:30 is 23:30 the same day.
		Reference fallBack = new Reference(LocalDate.of(2026, 10, 25), LocalTime.of(0, 30), paris, Order.UNKNOWN);
		assertThat(due("within 24 hours", fallBack)).isEqualTo("2026-10-25");
		// Whole days are calendar days whatever the clocks do.
		assertThat(due("tomorrow", springForward)).isEqualTo("2026-03-29");
		assertThat(due("in 2 days", fallBack)).isEqualTo("2026-10-27");
	}

	@Test
	void headersStateTimeAndZone() {
		assertThat(Dates.clock("Mon, 3 Mar 2026 at 23:10")).contains(LocalTime.of(23, 10));
		assertThat(Dates.clock("Monday, March 3, 2026 9:15 PM")).contains(LocalTime.of(21, 15));
		assertThat(Dates.zone("Sat, 28 Mar 2026 23:30:00 +0100")).map(ZoneId::getId).contains("+01:00");
		assertThat(Dates.zone("Sat, 28 Mar 2026 23:30 CET")).contains(ZoneId.of("Europe/Paris"));
	}

	@Test
	void aWeekdayBeforeItsDateIsPartOfTheDate() {
		assertThat(due("Mon, 9 Mar 2026", MONDAY_2_MARCH)).isEqualTo("2026-03-09");
		assertThat(List.of(due("by Friday 13 March", MONDAY_2_MARCH))).containsExactly(LocalDate.of(2026, 3, 13));
	}

}
