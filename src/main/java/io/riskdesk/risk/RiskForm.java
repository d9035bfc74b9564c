package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

/**
 * The new-risk form as the page posts it: evidence is one text box, one item per line.
 * Validation is {@link NewRisk}'s own.
 */
record RiskForm(Long accountId, String title, RiskCategory category, String description, Severity severity,
		Long ownerId, String evidence) {

	static RiskForm empty(Long accountId) {
		return new RiskForm(accountId, null, null, null, null, null, null);
	}

	NewRisk toNewRisk() {
		List<String> items = evidence == null ? List.of()
				: evidence.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		return new NewRisk(accountId, title, category, description == null || description.isBlank() ? null : description,
				severity, ownerId, null, null, items);
	}

}
