package io.riskdesk.plan;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** Published in the transaction that marks a milestone done; its clock is met. */
public record MilestoneDone(String riskKey, long milestoneId, String title, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String summary() {
		return "Milestone done: " + title;
	}

	public Map<String, Object> details() {
		return Map.of("milestone", milestoneId, "event", "DONE");
	}

}
