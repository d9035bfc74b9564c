package io.riskdesk.timeline;

import java.time.Instant;
import java.util.Map;

/**
 * An event that is also a line of a risk's timeline. Each module publishes its own facts (a
 * risk logged, a clock breached, a milestone done, a document imported) as records implementing
 * this; the timeline writes them in the transaction that publishes them, so no module writes
 * into another's tables.
 */
public interface TimelineFact {

	String riskKey();

	TimelineKind kind();

	/** The line a person reads. */
	String summary();

	/** The value before the change, in words, or null. */
	default String before() {
		return null;
	}

	/** The value after the change, in words, or null. */
	default String after() {
		return null;
	}

	/** Structured facts of the change (an action item's owner and due date, a clock's kind). */
	default Map<String, Object> details() {
		return Map.of();
	}

	String actor();

	Instant at();

}
