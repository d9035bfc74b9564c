package io.riskdesk.plan;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** Published in the transaction that moves a milestone from TODO to DOING. */
public record MilestoneStarted(String riskKey, long milestoneId, String title, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String summary() {
		return "Milestone started: " + title;
	}

	public Map<String, Object> details() {
		return Map.of("milestone", milestoneId, "event", "DOING");
	}

}
