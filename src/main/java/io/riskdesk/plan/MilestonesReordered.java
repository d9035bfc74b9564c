package io.riskdesk.plan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** Published in the transaction that puts a risk's milestones in a new order; {@code titles} in that order. */
public record MilestonesReordered(String riskKey, List<String> titles, String actor, Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MILESTONE;
	}

	public String summary() {
		return "Milestones reordered: " + String.join(", ", titles);
	}

	public Map<String, Object> details() {
		return Map.of("event", "REORDERED");
	}

}
