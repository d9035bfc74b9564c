package io.riskdesk.signal;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** A finding that had gone to a risk is no longer found: the risk's timeline says so; nothing closes by itself. */
public record FindingCleared(String riskKey, String ruleId, String explanation, Instant at) implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.SIGNAL;
	}

	public String actor() {
		return DetectionRuns.ACTOR;
	}

	public String summary() {
		return "Signal cleared (" + ruleId + "): no longer found; it was: " + explanation;
	}

	public Map<String, Object> details() {
		return Map.of("rule", ruleId, "event", "CLEARED");
	}

}
