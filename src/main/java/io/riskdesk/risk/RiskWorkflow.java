package io.riskdesk.risk;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.riskdesk.core.ConflictException;

/**
 * The register's state machine: OPEN -> TRIAGED -> ACTIVE -> RESOLVED -> CLOSED, and
 * RESOLVED -> ACTIVE to reopen. What each move requires is checked by {@link Risk}.
 */
public final class RiskWorkflow {

	private static final Map<RiskStatus, Set<RiskStatus>> NEXT = new EnumMap<>(Map.of(
			RiskStatus.OPEN, EnumSet.of(RiskStatus.TRIAGED),
			RiskStatus.TRIAGED, EnumSet.of(RiskStatus.ACTIVE),
			RiskStatus.ACTIVE, EnumSet.of(RiskStatus.RESOLVED),
			RiskStatus.RESOLVED, EnumSet.of(RiskStatus.CLOSED, RiskStatus.ACTIVE),
			RiskStatus.CLOSED, EnumSet.noneOf(RiskStatus.class)));

	private RiskWorkflow() {
	}

	public static Set<RiskStatus> allowedFrom(RiskStatus status) {
		return EnumSet.copyOf(NEXT.get(status));
	}

	static void requireAllowed(RiskStatus from, RiskStatus to) {
		Set<RiskStatus> allowed = NEXT.get(from);
		if (!allowed.contains(to)) {
			String options = allowed.isEmpty() ? "none: a closed risk is final" : allowed.toString();
			throw new ConflictException("A risk cannot go from " + from + " to " + to + "; allowed from " + from + ": "
					+ options, Map.of("currentStatus", from, "allowedTransitions", allowed));
		}
	}

}
