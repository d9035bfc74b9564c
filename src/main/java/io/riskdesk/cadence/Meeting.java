package io.riskdesk.cadence;

import java.time.Instant;
import java.util.List;

/**
 * A meeting held on a risk: when (and which scheduled meeting it was, if any), who attended, its
 * notes, the decisions it took (also on the risk) and the milestones its action items became.
 */
public record Meeting(long id, String riskKey, Instant heldAt, Instant scheduledFor, List<Attendee> attendees,
		String notes, List<String> decisions, List<Long> milestoneIds, Instant recordedAt, String recordedBy) {

	/** An attendee by name; {@code personId} links the person of the directory with that name, if one has it. */
	public record Attendee(String name, Long personId) {
	}

}
