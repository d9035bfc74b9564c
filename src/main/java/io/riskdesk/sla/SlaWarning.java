package io.riskdesk.sla;

import java.time.Instant;

/** A clock passed its warning point: the promise is at risk. Published after the timeline entry is written. */
public record SlaWarning(String riskKey, ClockKind kind, Instant dueAt, Instant at) {
}
