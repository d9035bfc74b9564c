package io.riskdesk.progress;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** Published in the transaction that records a progress update; it ends a stale period. */
public record ProgressReported(String riskKey, long updateId, Health health, String text, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.PROGRESS;
	}

	/** "Progress: AT_RISK - Hotfix slipped to Thursday". */
	public String summary() {
		return "Progress: " + health + " - " + text;
	}

	public String after() {
		return health.name();
	}

	public Map<String, Object> details() {
		return Map.of("update", updateId, "health", health.name());
	}

}
