package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/**
 * Published in the transaction that adds a milestone; the SLA clocks start its clock when it has
 * a due date ({@code due} null: no date yet).
 */
public record MilestoneAdded(String riskKey, long milestoneId, MilestoneKind milestoneKind, String title, String owner,
		LocalDate due, String actor, Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String summary() {
		return (milestoneKind == MilestoneKind.PREVENTION ? "Prevention item for " : "Milestone for ") + owner + ": "
				+ title + " (" + Milestones.dueText(due) + ")";
	}

	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("milestone", milestoneId);
		details.put("owner", owner);
		if (due != null) {
			details.put("due", due.toString());
		}
		return details;
	}

}
