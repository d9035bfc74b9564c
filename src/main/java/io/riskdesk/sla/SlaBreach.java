package io.riskdesk.sla;

import java.time.Instant;

/** A clock passed its due instant without being met. */
public record SlaBreach(String riskKey, ClockKind kind, Instant dueAt, Instant at) {
}
