package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A clock as the API shows it. {@code remaining} is business time for business-time clocks and
 * clock time otherwise; negative once the clock is overdue.
 */
public record ClockView(ClockKind kind, Long milestoneId, String target, boolean businessTime, ClockState state, Instant startedAt,
		Instant dueAt, Instant warnAt, Duration remaining, Instant warnedAt, Instant breachedAt, Instant metAt,
		Instant pausedAt, String pauseReason) {
}
