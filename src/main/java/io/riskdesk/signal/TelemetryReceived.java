package io.riskdesk.signal;

import java.util.Set;

/**
 * Telemetry of these accounts changed: published once the intake's transaction has committed, and
 * only when a row was inserted or updated. It is published outside any transaction, in the
 * request's thread: listen with {@code @EventListener} (a {@code @TransactionalEventListener}
 * would never hear it).
 */
public record TelemetryReceived(TelemetryKind kind, Set<Long> accountIds) {

	public TelemetryReceived {
		accountIds = Set.copyOf(accountIds);
	}

}
