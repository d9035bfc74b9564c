package io.riskdesk.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/**
 * A milestone still to do passed its due instant (its SLA clock breached): published once per due
 * date, never for one done or dropped. For whoever must chase it (notifications).
 *
 * @param owner the owner's name as shown
 * @param dueAt the due instant: the end of the working day of its due date in the account's calendar
 */
public record MilestoneOverdue(String riskKey, long milestoneId, String title, String owner, Instant dueAt, Instant at)
		implements TimelineFact {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String actor() {
		return "sla";
	}

	public String summary() {
		return "Milestone overdue: " + title + " (" + owner + ", was due " + MINUTES.format(dueAt) + ")";
	}

	public Map<String, Object> details() {
		Map<String, Object> details = new HashMap<>();
		details.put("milestone", milestoneId);
		details.put("event", "OVERDUE");
		details.put("dueAt", dueAt.toString());
		return details;
	}

}
