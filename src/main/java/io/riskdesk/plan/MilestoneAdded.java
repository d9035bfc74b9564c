package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** Published in the transaction that adds a milestone; the SLA clocks start its clock. */
public record MilestoneAdded(String riskKey, long milestoneId, String title, String owner, LocalDate due, String actor,
		Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String summary() {
		return "Milestone for " + owner + ": " + title + " (due " + due + ")";
	}

	public Map<String, Object> details() {
		return Map.of("milestone", milestoneId, "owner", owner, "due", due.toString());
	}

}
