package io.riskdesk.account;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.core.InvalidFieldException;

/**
 * The new-account form as the page posts it: flat fields, the CSM and AE of the team and one
 * sponsor contact. Validation is {@link AccountForm}'s own, plus the currency and time zone.
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

	private Currency currency() {
		try {
			return Currency.getInstance(arrCurrency == null ? "" : arrCurrency.strip().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidFieldException("arr.currency", "must be an ISO 4217 currency code such as USD");
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
			throw new InvalidFieldException("timeZone", "must be a time zone such as Europe/Paris");
		}
	}

	private static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
