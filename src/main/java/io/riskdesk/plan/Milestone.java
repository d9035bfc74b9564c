package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One milestone of a risk's corrective action plan: who does what by when. {@code version} grows
 * with every change; an edit sends the one it read (If-Match) and is refused when it is older.
 */
public record Milestone(long id, String riskKey, String title, String owner, LocalDate due, MilestoneStatus status,
		Instant createdAt, String createdBy, Instant doneAt, String doneBy, int version) {
}
