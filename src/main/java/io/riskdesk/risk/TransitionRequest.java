package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.playbook.Severity;
import jakarta.validation.constraints.NotNull;

/**
 * A move of the workflow. Which other fields are required depends on {@code to}:
 * TRIAGED needs severity and ownerId (unless already set); RESOLVED needs rootCause and
 * preventionItems; CLOSED needs outcome; ACTIVE from RESOLVED (reopen) needs reason.
 */
public record TransitionRequest(
		@NotNull RiskStatus to,
		Severity severity,
		Long ownerId,
		String rootCause,
		List<String> preventionItems,
		Outcome outcome,
		String reason) {
}
