package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.playbook.Severity;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A move of the workflow. Which other fields are required depends on {@code to}:
 * TRIAGED needs severity and ownerId (unless already set); RESOLVED needs rootCause and
 * preventionItems; CLOSED needs outcome; ACTIVE from RESOLVED (reopen) needs reason.
 */
public record TransitionRequest(
		@NotNull RiskStatus to,
		Severity severity,
		Long ownerId,
		@Size(max = 20000) String rootCause,
		@Size(max = 50) List<@Size(max = 2000) String> preventionItems,
		Outcome outcome,
		@Size(max = 2000) String reason) {
}
