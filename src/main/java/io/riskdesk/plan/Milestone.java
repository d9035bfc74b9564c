package io.riskdesk.plan;

import java.time.Instant;
import java.time.LocalDate;

/** One milestone of a risk's corrective action plan: who does what by when. */
public record Milestone(long id, String riskKey, String title, String owner, LocalDate due, MilestoneStatus status,
		Instant createdAt, String createdBy, Instant doneAt, String doneBy) {
}
