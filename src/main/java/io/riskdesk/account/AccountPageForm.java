package io.riskdesk.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.TeamRole;

/**
 * The new-account form as the page posts it: flat fields, the CSM and AE of the team and one
 * sponsor contact. Validation is {@link AccountForm}'s own, plus the currency and time zone,
 * which {@link #problems()} reports so that the page can show them with the others at once.
 */
record AccountPageForm(String name, BigDecimal arrAmount, String arrCurrency, LocalDate renewalDate, Segment segment,
		String country, String timeZone, Long csmId, Long aeId, String sponsorName, String sponsorEmail) {

	static AccountPageForm empty() {
		return new AccountPageForm(null, null, "USD", null, null, null, "America/New_York", null, null, null, null);
	}

	AccountForm toAccountForm() {
		Map<TeamRole, Long> team = new EnumMap<>(TeamRole.class);
		if (csmId != null) {
			team.put(TeamRole.CSM, csmId);
		}
		if (aeId != null) {
			team.put(TeamRole.AE, aeId);
		}
		List<AccountForm.ContactForm> contacts = PageInputs.isBlank(sponsorName) ? List.of()
				: List.of(new AccountForm.ContactForm(ContactRole.SPONSOR, sponsorName, PageInputs.text(sponsorEmail), null));
		return new AccountForm(name, PageInputs.money(arrAmount, arrCurrency), renewalDate, segment,
				PageInputs.text(country), PageInputs.zone(timeZone), null, team, contacts, null, null);
	}

	/** What the page reads itself, by field: a currency or time zone that is none. */
	Map<String, String> problems() {
		return PageInputs.problems(arrAmount, arrCurrency, timeZone);
	}

}
