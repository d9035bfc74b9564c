package io.riskdesk.progress;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

import io.riskdesk.playbook.Severity;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/**
 * A triaged or active risk passed the instant its next progress update was due without one:
 * raised once per stale period, at {@code dueAt} (by db-scheduler, so also after a restart), and
 * again only after a new update started another period. {@code lastUpdateAt} is null when the
 * risk never had an update (the period counted from its triage or reopening).
 */
public record RiskWentStale(String riskKey, Severity severity, Instant lastUpdateAt, Instant dueAt, Instant at)
		implements TimelineFact {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	public TimelineKind kind() {
		return TimelineKind.PROGRESS;
	}

	public String actor() {
		return "progress";
	}

	public String summary() {
		return "Stale: no progress update since " + (lastUpdateAt == null ? "triage" : MINUTES.format(lastUpdateAt))
				+ "; one was due " + MINUTES.format(dueAt);
	}

	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("event", "STALE");
		details.put("severity", severity.name());
		details.put("dueAt", dueAt.toString());
		if (lastUpdateAt != null) {
			details.put("lastUpdateAt", lastUpdateAt.toString());
		}
		return details;
	}

}
