package io.riskdesk.risk;

import java.time.Instant;
import java.util.Map;

/**
 * Published for every change of a risk, inside the transaction that makes it. The timeline is
 * written from these; other modules subscribe to react to, say, a severity change.
 *
 * @param before the old value in words, or null
 * @param after the new value in words, or null
 * @param details structured facts of the change (e.g. an action item's owner and due date)
 */
public record RiskChanged(String riskKey, TimelineKind kind, String summary, String before, String after,
		Map<String, Object> details, String actor, Instant at) {

	public RiskChanged {
		details = details == null ? Map.of() : Map.copyOf(details);
	}

}
