package io.riskdesk.account;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.LinkedHashMap;
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
		List<AccountForm.ContactForm> contacts = isBlank(sponsorName) ? List.of()
				: List.of(new AccountForm.ContactForm(ContactRole.SPONSOR, sponsorName,
						isBlank(sponsorEmail) ? null : sponsorEmail.strip(), null));
		return new AccountForm(name, arrAmount == null ? null : new Money(arrAmount, currency()), renewalDate, segment,
				isBlank(country) ? null : country.strip(), zone(), null, team, contacts);
	}

	/** What the page reads itself, by field: a currency or time zone that is none. */
	Map<String, String> problems() {
		Map<String, String> problems = new LinkedHashMap<>();
		if (arrAmount != null && currency() == null) {
			problems.put("arr.currency", "must be an ISO 4217 currency code such as USD");
		}
		if (!isBlank(timeZone) && zone() == null) {
			problems.put("timeZone", "must be a time zone such as Europe/Paris");
		}
		return problems;
	}

	/** Null when the code is none: {@link #problems()} says so. */
	private Currency currency() {
		try {
			return Currency.getInstance(arrCurrency == null ? "" : arrCurrency.strip().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private ZoneId zone() {
		if (isBlank(timeZone)) {
			return null;
		}
		try {
			return ZoneId.of(timeZone.strip());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
