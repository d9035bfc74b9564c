package io.riskdesk.timeline;

import java.time.Instant;
import java.util.Map;

/** One line of a risk's append-only timeline: who did what when, and the value before and after. */
public record TimelineEntry(long id, Instant at, String actor, TimelineKind kind, String summary, String before,
		String after, Map<String, Object> details) {
}
