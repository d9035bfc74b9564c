package io.riskdesk.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.risk.SlaStatus;

/**
 * The clocks a new risk would start, looked at now: each with the instant it would be due and
 * how it would stand from its first moment ({@code BREACHED} when that instant has passed,
 * {@code AT_RISK} when its warning point has). Nothing is started or saved.
 *
 * @param clocks the risk's clocks, counted from its detection
 * @param milestones its milestones' clocks, in the order their due dates were given
 * @param nextBusinessDay the first working day after today in the account's calendar: a date a
 * milestone due then does not start overdue
 */
public record SlaPreview(List<StartingClock> clocks, List<StartingMilestone> milestones, LocalDate nextBusinessDay) {

	/** @param target the clock's target in words, as the risk's clocks show it ("S0: 2 h") */
	public record StartingClock(ClockKind kind, String target, boolean businessTime, Instant dueAt, SlaStatus status) {
	}

	/**
	 * @param dueAt the end of the working day of {@code due}, when the milestone's clock falls due; null with
	 * {@code due} for a milestone with no date yet, which has no clock
	 */
	public record StartingMilestone(LocalDate due, Instant dueAt, SlaStatus status) {
	}

}
