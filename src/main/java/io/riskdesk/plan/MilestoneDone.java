package io.riskdesk.plan;

import java.time.Instant;

/** Published in the transaction that marks a milestone done; its clock is met. */
public record MilestoneDone(String riskKey, long milestoneId, Instant at) {
}
