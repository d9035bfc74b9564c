package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The life of one clock, counted in clock time so the instants are easy to follow. */
class SlaClockTest {

	private static final Instant DETECTED = Instant.parse("2026-11-20T20:00:00Z");

	private static final CalendarRef NEW_YORK = new CalendarRef("default", ZoneId.of("America/New_York"), "US");

	private SlaClock s0(Instant now) {
		return SlaClock.start("RISK-2026-0001", ClockKind.FIRST_RESPONSE, Severity.S0, "S0: 2 h", Duration.ofHours(2),
				NEW_YORK, false, DETECTED, Measure.CLOCK_TIME, 0.75, now);
	}

	@Test
	void warnsAtThreeQuartersAndBreachesAtTheDueInstantOnce() {
		SlaClock clock = s0(DETECTED);
		assertThat(clock.getDueAt()).isEqualTo(Instant.parse("2026-11-20T22:00:00Z"));
		assertThat(clock.getWarnAt()).isEqualTo(Instant.parse("2026-11-20T21:30:00Z"));

		assertThat(clock.check(Instant.parse("2026-11-20T21:29:59Z"))).isEqualTo(SlaClock.Change.NONE);
		assertThat(clock.check(Instant.parse("2026-11-20T21:30:00Z"))).isEqualTo(SlaClock.Change.WARNED);
		assertThat(clock.check(Instant.parse("2026-11-20T21:45:00Z"))).isEqualTo(SlaClock.Change.NONE);
		assertThat(clock.check(Instant.parse("2026-11-20T21:59:59Z"))).isEqualTo(SlaClock.Change.NONE);
		assertThat(clock.check(Instant.parse("2026-11-20T22:00:00Z"))).isEqualTo(SlaClock.Change.BREACHED);
		assertThat(clock.check(Instant.parse("2026-11-20T23:00:00Z"))).isEqualTo(SlaClock.Change.NONE);
		assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
		assertThat(clock.view(Measure.CLOCK_TIME, Instant.parse("2026-11-20T23:00:00Z")).remaining())
			.isEqualTo(Duration.ofHours(-1));
	}

	@Test
	void aMilestoneSetOrMovedAtAnyFractionOfASecondIsDueAtItsExactInstant() {
		Instant due = Instant.parse("2026-11-24T22:00:00Z");
		SlaClock clock = SlaClock.untilMilestone("RISK-2026-0001", 7, Severity.S2, "Milestone", NEW_YORK, due, 0.75,
				Instant.parse("2026-11-20T15:04:05.987654321Z"));
		assertThat(clock.getDueAt()).isEqualTo(due);
		Instant later = Instant.parse("2026-11-25T22:00:00Z");
		assertThat(clock.replan("Milestone", later, 0.75, Instant.parse("2026-11-21T09:00:00.5Z"))).isTrue();
		assertThat(clock.getDueAt()).isEqualTo(later);
	}

	@Test
	void aBrokenMilestonePromiseGivenANewDateCountsAgainAndBreachesAgain() {
		Instant due = Instant.parse("2026-11-24T22:00:00Z");
		SlaClock clock = SlaClock.untilMilestone("RISK-2026-0001", 7, Severity.S2, "Milestone", NEW_YORK, due, 0.75,
				Instant.parse("2026-11-20T15:00:00Z"));
		assertThat(clock.check(due)).isEqualTo(SlaClock.Change.BREACHED);
		// The date it breached at is no new promise.
		assertThat(clock.replan("Milestone", due, 0.75, due.plusSeconds(60))).isFalse();
		assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);

		Instant later = Instant.parse("2026-11-27T22:00:00Z");
		assertThat(clock.replan("Milestone", later, 0.75, due.plusSeconds(60))).isTrue();
		assertThat(clock.getState()).isEqualTo(ClockState.RUNNING);
		assertThat(clock.getDueAt()).isEqualTo(later);
		assertThat(clock.check(later.minusSeconds(1))).isNotEqualTo(SlaClock.Change.BREACHED);
		assertThat(clock.check(later)).isEqualTo(SlaClock.Change.BREACHED);

		// Met promises stay met.
		SlaClock met = SlaClock.untilMilestone("RISK-2026-0001", 8, Severity.S2, "Milestone", NEW_YORK, due, 0.75,
				Instant.parse("2026-11-20T15:00:00Z"));
		met.meet(Instant.parse("2026-11-21T15:00:00Z"));
		assertThat(met.replan("Milestone", later, 0.75, Instant.parse("2026-11-22T15:00:00Z"))).isFalse();
		assertThat(met.getState()).isEqualTo(ClockState.MET);
	}

	@Test
	void aMissedBreachFiresAtItsDueInstantWhenCheckedLate() {
		SlaClock clock = s0(DETECTED);
		assertThat(clock.check(Instant.parse("2026-11-21T09:00:00Z"))).isEqualTo(SlaClock.Change.BREACHED);
		assertThat(clock.view(Measure.CLOCK_TIME, Instant.parse("2026-11-21T09:00:00Z")).breachedAt())
			.isEqualTo(Instant.parse("2026-11-20T22:00:00Z"));
	}

	@Test
	void pausingStopsTheCountAndResumingMovesTheDueInstant() {
		SlaClock clock = s0(DETECTED);
		assertThat(clock.pause("Waiting on customer logs", Measure.CLOCK_TIME, Instant.parse("2026-11-20T21:00:00Z")))
			.isTrue();
		assertThat(clock.getDueAt()).isNull();
		assertThat(clock.check(Instant.parse("2026-11-21T09:00:00Z"))).isEqualTo(SlaClock.Change.NONE);
		assertThat(clock.resume(Measure.CLOCK_TIME, 0.75, Instant.parse("2026-11-20T23:00:00Z"))).isTrue();
		assertThat(clock.getDueAt()).isEqualTo(Instant.parse("2026-11-21T00:00:00Z"));
		assertThat(clock.getWarnAt()).isEqualTo(Instant.parse("2026-11-20T23:30:00Z"));
		assertThat(clock.resume(Measure.CLOCK_TIME, 0.75, Instant.parse("2026-11-20T23:10:00Z"))).isFalse();
	}

	@Test
	void aNewTargetCountsFromTheOriginalStart() {
		SlaClock clock = SlaClock.start("RISK-2026-0001", ClockKind.FIRST_RESPONSE, Severity.S1, "S1: 4 h",
				Duration.ofHours(4), NEW_YORK, false, DETECTED, Measure.CLOCK_TIME, 0.75, DETECTED);
		assertThat(clock.retarget(Severity.S0, "S0: 2 h", Duration.ofHours(2), false, Measure.CLOCK_TIME,
				Measure.CLOCK_TIME, 0.75, Instant.parse("2026-11-20T21:00:00Z"))).isEqualTo(SlaClock.Change.RETARGETED);
		assertThat(clock.getDueAt()).isEqualTo(Instant.parse("2026-11-20T22:00:00Z"));
	}

	@Test
	void aNewTargetThatHasPassedBreachesAtOnce() {
		SlaClock clock = SlaClock.start("RISK-2026-0001", ClockKind.FIRST_RESPONSE, Severity.S1, "S1: 4 h",
				Duration.ofHours(4), NEW_YORK, false, DETECTED, Measure.CLOCK_TIME, 0.75, DETECTED);
		assertThat(clock.retarget(Severity.S0, "S0: 2 h", Duration.ofHours(2), false, Measure.CLOCK_TIME,
				Measure.CLOCK_TIME, 0.75, Instant.parse("2026-11-20T23:00:00Z")))
			.isEqualTo(SlaClock.Change.RETARGETED_AND_BREACHED);
		assertThat(clock.getState()).isEqualTo(ClockState.BREACHED);
	}

	@Test
	void meetingStopsTheClockAndABreachedClockIsMetLate() {
		SlaClock onTime = s0(DETECTED);
		assertThat(onTime.meet(Instant.parse("2026-11-20T21:00:00Z"))).isTrue();
		assertThat(onTime.getState()).isEqualTo(ClockState.MET);
		assertThat(onTime.check(Instant.parse("2026-11-21T00:00:00Z"))).isEqualTo(SlaClock.Change.NONE);

		SlaClock late = s0(DETECTED);
		late.check(Instant.parse("2026-11-20T22:00:00Z"));
		assertThat(late.meet(Instant.parse("2026-11-20T23:00:00Z"))).isTrue();
		assertThat(late.getState()).isEqualTo(ClockState.BREACHED);
		assertThat(late.meet(Instant.parse("2026-11-20T23:30:00Z"))).isFalse();
	}

}
