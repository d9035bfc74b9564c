package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.playbook.Cadence;

/**
 * The risk's edit form as the page posts it: evidence is one text box, one item per line; the
 * co-owners are a multiple select, which sends nothing when none is chosen; an unticked checkbox
 * sends nothing either (null), which turns the Security/Legal flag off. Validation is
 * {@link RiskUpdate}'s own.
 */
record RiskEditForm(Integer version, String title, String description, List<Long> coOwnerIds, String evidence,
		Cadence cadence, Boolean securityLegalApplicable) {

	static RiskEditForm of(RiskDetails risk) {
		return new RiskEditForm(risk.version(), risk.title(), risk.description(),
				risk.coOwners().stream().map(RiskDetails.PersonRef::id).toList(), String.join("\n", risk.evidence()),
				risk.cadence(), risk.securityLegalApplicable());
	}

	/**
	 * Every field is sent, so each replaces what the risk had, but for an empty description or
	 * no cadence chosen, which leave the risk's as they are (as logging, a description is never
	 * empty text).
	 */
	RiskUpdate toUpdate() {
		List<String> items = evidence == null ? List.of()
				: evidence.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
		return new RiskUpdate(title == null ? "" : title, description == null || description.isBlank() ? null : description,
				null, null, coOwnerIds == null ? List.of() : coOwnerIds, items, cadence,
				Boolean.TRUE.equals(securityLegalApplicable));
	}

	/** This form with another version: what the user typed, based on the risk as it now is. */
	RiskEditForm rebased(int current) {
		return new RiskEditForm(current, title, description, coOwnerIds, evidence, cadence, securityLegalApplicable);
	}

}
