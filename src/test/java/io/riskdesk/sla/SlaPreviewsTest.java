package io.riskdesk.sla;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.Severity;
import io.riskdesk.playbook.internal.PlaybookLoader;
import io.riskdesk.risk.SlaStatus;
import io.riskdesk.sla.SlaPreview.StartingClock;
import io.riskdesk.sla.SlaPreview.StartingMilestone;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The clocks a risk would start, looked at before it is logged, with the shipped playbook and
 * calendar (09:00-17:00 Monday to Friday). "Now" is Wednesday 2026-11-25 15:00 in New York, the
 * day before Thanksgiving.
 */
class SlaPreviewsTest {

	private static final Playbook PLAYBOOK = new PlaybookLoader(
			Validation.buildDefaultValidatorFactory().getValidator()).load(new ClassPathResource("playbook.yml"));

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final CalendarRef US_ACCOUNT = new CalendarRef(null, NEW_YORK, "US");

	/** The same zone, with German public holidays: Thanksgiving is a working day there. */
	private static final CalendarRef DE_ACCOUNT = new CalendarRef(null, NEW_YORK, "DE");

	private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

	private static SlaPreviews at(Instant now) {
		return new SlaPreviews(new BusinessCalendars(PLAYBOOK), PLAYBOOK, Clock.fixed(now, ZoneOffset.UTC), 0.75);
	}

	@Test
	void anS0DetectedJustNowStartsOnTrackInClockTimeAndBusinessTime() {
		SlaPreview preview = at(NOW).preview(Severity.S0, Instant.parse("2026-11-25T19:30:00Z"), US_ACCOUNT, List.of());

		assertThat(preview.clocks()).extracting(StartingClock::kind, StartingClock::businessTime, StartingClock::dueAt,
				StartingClock::status)
			.containsExactly(
					tuple(ClockKind.TRIAGE, false, Instant.parse("2026-11-26T19:30:00Z"), SlaStatus.ON_TRACK),
					// 2 h, clock time, 24x7
					tuple(ClockKind.FIRST_RESPONSE, false, Instant.parse("2026-11-25T21:30:00Z"), SlaStatus.ON_TRACK),
					// by the end of the working day, 17:00 in New York
					tuple(ClockKind.NOTIFICATION, true, Instant.parse("2026-11-25T22:00:00Z"), SlaStatus.ON_TRACK));
	}

	@Test
	void anS0DetectedAYearAgoStartsWithEveryClockBreached() {
		// Monday 2025-11-10 09:00 in New York, the date of an old meeting's notes.
		SlaPreview preview = at(NOW).preview(Severity.S0, Instant.parse("2025-11-10T14:00:00Z"), US_ACCOUNT, List.of());

		assertThat(preview.clocks()).extracting(StartingClock::kind, StartingClock::target, StartingClock::dueAt,
				StartingClock::status)
			.containsExactly(
					tuple(ClockKind.TRIAGE, "within 24 h of detection", Instant.parse("2025-11-11T14:00:00Z"), SlaStatus.BREACHED),
					tuple(ClockKind.FIRST_RESPONSE, "S0: 2 h", Instant.parse("2025-11-10T16:00:00Z"), SlaStatus.BREACHED),
					// S1's 4 clock hours come before the end of S0's working day, so S0 takes them
					tuple(ClockKind.NOTIFICATION, "S0: same business day, at most S1: 4 h",
							Instant.parse("2025-11-10T18:00:00Z"), SlaStatus.BREACHED));
	}

	@Test
	void anS3DetectedYesterdayCountsBusinessDaysAroundTheAccountsHolidays() {
		// Tuesday 10:00 in New York: triage (24 clock hours) is over; 2 business days skip Thanksgiving.
		Instant tuesday = Instant.parse("2026-11-24T15:00:00Z");

		SlaPreview us = at(NOW).preview(Severity.S3, tuesday, US_ACCOUNT, List.of());
		assertThat(us.clocks()).extracting(StartingClock::kind, StartingClock::dueAt, StartingClock::status)
			.containsExactly(tuple(ClockKind.TRIAGE, Instant.parse("2026-11-25T15:00:00Z"), SlaStatus.BREACHED),
					// 13 of its 16 business hours are used: past the warning point (75%)
					tuple(ClockKind.FIRST_RESPONSE, Instant.parse("2026-11-27T15:00:00Z"), SlaStatus.AT_RISK),
					tuple(ClockKind.NOTIFICATION, Instant.parse("2026-11-27T15:00:00Z"), SlaStatus.AT_RISK));

		SlaPreview de = at(NOW).preview(Severity.S3, tuesday, DE_ACCOUNT, List.of());
		assertThat(de.clocks()).extracting(StartingClock::kind, StartingClock::dueAt)
			.containsExactly(tuple(ClockKind.TRIAGE, Instant.parse("2026-11-25T15:00:00Z")),
					tuple(ClockKind.FIRST_RESPONSE, Instant.parse("2026-11-26T15:00:00Z")),
					tuple(ClockKind.NOTIFICATION, Instant.parse("2026-11-26T15:00:00Z")));

		// The same start as an S0: 2 clock hours and the same working day are long gone.
		assertThat(at(NOW).preview(Severity.S0, tuesday, US_ACCOUNT, List.of()).clocks())
			.extracting(StartingClock::status)
			.containsOnly(SlaStatus.BREACHED);
	}

	@Test
	void aRiskWithoutSeverityStartsOnlyItsTriageClock() {
		assertThat(at(NOW).preview(null, NOW, US_ACCOUNT, List.of()).clocks()).extracting(StartingClock::kind)
			.containsExactly(ClockKind.TRIAGE);
	}

	@Test
	void aMilestoneIsOverdueOnceTheWorkingDayOfItsDueDateIsOver() {
		List<LocalDate> dues = List.of(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-25"),
				LocalDate.parse("2026-11-26"));

		SlaPreview afternoon = at(NOW).preview(Severity.S2, NOW, US_ACCOUNT, dues);
		assertThat(afternoon.milestones()).extracting(StartingMilestone::due, StartingMilestone::dueAt,
				StartingMilestone::status)
			.containsExactly(tuple(dues.get(0), Instant.parse("2026-11-24T22:00:00Z"), SlaStatus.BREACHED),
					tuple(dues.get(1), Instant.parse("2026-11-25T22:00:00Z"), SlaStatus.ON_TRACK),
					// Thanksgiving is closed: due at the end of Friday
					tuple(dues.get(2), Instant.parse("2026-11-27T22:00:00Z"), SlaStatus.ON_TRACK));

		// At 18:00 today's working day is over: a milestone due today would start overdue.
		SlaPreview evening = at(Instant.parse("2026-11-25T23:00:00Z")).preview(Severity.S2, NOW, US_ACCOUNT, dues);
		assertThat(evening.milestones()).extracting(StartingMilestone::status)
			.containsExactly(SlaStatus.BREACHED, SlaStatus.BREACHED, SlaStatus.ON_TRACK);
	}

	@Test
	void theNextBusinessDayIsTheFirstWorkingDayAfterTodayInTheAccountsCalendar() {
		assertThat(at(NOW).preview(Severity.S2, NOW, US_ACCOUNT, List.of()).nextBusinessDay())
			.isEqualTo(LocalDate.parse("2026-11-27"));
		assertThat(at(NOW).preview(Severity.S2, NOW, DE_ACCOUNT, List.of()).nextBusinessDay())
			.isEqualTo(LocalDate.parse("2026-11-26"));
		// Sunday evening in New York is Monday in UTC: the next working day is still Monday.
		assertThat(at(Instant.parse("2026-11-30T01:00:00Z")).preview(Severity.S2, NOW, US_ACCOUNT, List.of())
			.nextBusinessDay()).isEqualTo(LocalDate.parse("2026-11-30"));
	}

}
