package io.riskdesk.risk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.riskdesk.playbook.Severity;

/**
 * The API's answer to logging a risk: the risk, and the unresolved risks of the same account
 * and category it may repeat (empty when none), each with the link that attaches a report to it.
 * Logging is never refused for them: the client decides.
 */
public record LoggedRisk(@JsonUnwrapped RiskDetails risk, List<PossibleDuplicate> possibleDuplicates) {

	/** {@code attach}: where to post a report of this problem instead ({@code POST}, a {@link NewReport}). */
	public record PossibleDuplicate(String key, String title, Severity severity, RiskStatus status, String owner,
			String attach) {

		static PossibleDuplicate of(UnresolvedRisk risk) {
			return new PossibleDuplicate(risk.key(), risk.title(), risk.severity(), risk.status(), risk.owner(),
					"/api/risks/" + risk.key() + "/reports");
		}
	}

}
