package io.riskdesk.concession;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.account.Money;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;
import io.riskdesk.web.Labels;

/**
 * Published in the transaction that approves a concession: who approved it, in which role (whose
 * limit covered it) and why. Public for other modules (webhooks), like every event of this module.
 */
public record ConcessionApproved(String riskKey, long concessionId, long accountId, ConcessionKind concessionKind,
		Money value, String description, String approverRole, String reason, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.CONCESSION;
	}

	public String summary() {
		return "Concession approved (" + approverRole + "): " + Labels.of(concessionKind) + ", " + Amounts.text(value)
				+ Amounts.note(reason);
	}

	public Map<String, Object> details() {
		return Map.of("concession", concessionId, "status", ConcessionStatus.APPROVED.name(), "approverRole",
				approverRole);
	}

}
