package io.riskdesk.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import io.riskdesk.risk.SlaStatus;
import io.riskdesk.sla.SlaPreview.StartingClock;

/**
 * What confirming an import would start, looked at now; nothing is written. The risk's SLA
 * clocks count from its detection: an old document's start already {@code BREACHED} (confirming
 * records them so) or {@code AT_RISK}. A milestone is {@code BREACHED} (already overdue) when the
 * working day of its due date is over.
 *
 * @param zone the account's time zone, that of {@code detectedAt}
 * @param detectedAt the risk's detection as the import gives it
 * @param clocks the risk's clocks, each with its target, due instant and status
 * @param milestones the action items that have a due date
 * @param nextBusinessDay the first working day after today in the account's calendar, where
 * "move past due dates" puts them
 */
public record ImportPreview(ZoneId zone, LocalDateTime detectedAt, List<StartingClock> clocks,
		List<Milestone> milestones, LocalDate nextBusinessDay) {

	/**
	 * @param index the action item's index in the import's {@code actionItems}
	 * @param dueAt the end of the working day of {@code due}
	 */
	public record Milestone(int index, String title, LocalDate due, Instant dueAt, SlaStatus status) {
	}

	/** The clocks that would start already breached. */
	public List<StartingClock> breachedClocks() {
		return clocks.stream().filter(c -> c.status() == SlaStatus.BREACHED).toList();
	}

	/** The clocks that would start past their warning point. */
	public List<StartingClock> clocksAtRisk() {
		return clocks.stream().filter(c -> c.status() == SlaStatus.AT_RISK).toList();
	}

	/** The milestones that would start already overdue. */
	public List<Milestone> overdueMilestones() {
		return milestones.stream().filter(m -> m.status() == SlaStatus.BREACHED).toList();
	}

	/** Whether the action item at {@code index} would start already overdue. */
	public boolean overdue(int index) {
		return overdueMilestones().stream().anyMatch(m -> m.index() == index);
	}

}
