package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.playbook.Severity;
import io.riskdesk.core.Text;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A move of the workflow. Which other fields are required depends on {@code to}:
 * TRIAGED needs severity and ownerId (unless already set, and a reason to change the severity);
 * RESOLVED needs rootCause and preventionItems (each with text, owner and due date), and with
 * open blockers or milestones an {@code openWork} choice (DROP with a reason); CLOSED needs
 * outcome and summary; ACTIVE from RESOLVED
 * (reopen) needs reason. CLOSED with {@code duplicateOf} (a risk key) closes the risk as a
 * duplicate from any status before CLOSED, without an outcome.
 */
public record TransitionRequest(
		@NotNull RiskStatus to,
		Severity severity,
		Long ownerId,
		@Text(max = Text.LONG) String rootCause,
		@Size(max = Text.ITEMS) List<RiskEvents.@Valid Prevention> preventionItems,
		Outcome outcome,
		@Text(max = Text.NOTE) String summary,
		@Text(max = Text.LINE) String reason,
		OpenWork.Choice openWork,
		@Text(max = Text.CODE) String duplicateOf) {

	/** A move that needs none of the optional fields. */
	public static TransitionRequest to(RiskStatus to) {
		return new TransitionRequest(to, null, null, null, null, null, null, null, null, null);
	}

}
