package io.riskdesk.plan;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** Published in the transaction that drops a milestone, with why; its clock stops. */
public record MilestoneDropped(String riskKey, long milestoneId, String title, String reason, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String summary() {
		return "Milestone dropped: " + title + " (" + reason + ")";
	}

	public Map<String, Object> details() {
		return Map.of("milestone", milestoneId, "event", "DROPPED");
	}

}
