package io.riskdesk.account;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.riskdesk.playbook.TeamRole;

/**
 * The account's edit form as the page posts it: the account's fields, one person (or none) per
 * team role as {@code team[CSM]}, and the customer contacts as rows {@code contacts[0].name}.
 * A row left empty, or removed, is no contact ({@link #withoutEmptyRows()}). Validation is
 * {@link AccountForm}'s own, plus the currency and time zone the page reads itself
 * ({@link #problems()}).
 *
 * @param team person ids by role name: the form binds a map's keys as texts
 */
record AccountEditForm(Integer version, String name, BigDecimal arrAmount, String arrCurrency, LocalDate renewalDate,
		Segment segment, String country, String timeZone, String calendar, String externalId, LocalDate firstValueDue,
		Map<String, Long> team, List<AccountForm.ContactForm> contacts) {

	AccountEditForm {
		team = team == null ? Map.of() : team;
		contacts = contacts == null ? List.of() : contacts;
	}

	static AccountEditForm of(AccountDetails account) {
		Map<String, Long> team = new LinkedHashMap<>();
		account.team()
			.stream()
			.filter(member -> member.person() != null)
			.forEach(member -> team.put(member.role().name(), member.person().id()));
		return new AccountEditForm(account.version(), account.name(),
				account.arr() == null ? null : account.arr().amount(),
				account.arr() == null ? "USD" : account.arr().currency().getCurrencyCode(), account.renewalDate(),
				account.segment(), account.country(), account.timeZone(), account.calendar(), account.externalId(),
				account.firstValueDue(), team,
				account.contacts()
					.stream()
					.map(c -> new AccountForm.ContactForm(c.role(), c.name(), c.email(), c.title()))
					.toList());
	}

	AccountForm toAccountForm() {
		Map<TeamRole, Long> members = new EnumMap<>(TeamRole.class);
		for (TeamRole role : TeamRole.values()) {
			if (team.get(role.name()) != null) {
				members.put(role, team.get(role.name()));
			}
		}
		return new AccountForm(name, PageInputs.money(arrAmount, arrCurrency), renewalDate, segment,
				PageInputs.text(country), PageInputs.zone(timeZone), calendar, members,
				contacts.stream()
					.map(c -> new AccountForm.ContactForm(c.role(), c.name(), PageInputs.text(c.email()),
							PageInputs.text(c.title())))
					.toList(),
				externalId, firstValueDue);
	}

	/** What the page reads itself, by field: a currency or time zone that is none. */
	Map<String, String> problems() {
		return PageInputs.problems(arrAmount, arrCurrency, timeZone);
	}

	/**
	 * The rows that are contacts, numbered as the page shows them again, so that an error of
	 * {@code contacts[1]} is next to the second row. (Not done as the form binds: the binder looks
	 * the posted rows up again in the list it made.)
	 */
	AccountEditForm withoutEmptyRows() {
		return new AccountEditForm(version, name, arrAmount, arrCurrency, renewalDate, segment, country, timeZone,
				calendar, externalId, firstValueDue, team,
				contacts.stream().filter(Objects::nonNull).filter(c -> !isEmpty(c)).toList());
	}

	/** This form with another version: what the user typed, based on the account as it now is. */
	AccountEditForm rebased(int current) {
		return new AccountEditForm(current, name, arrAmount, arrCurrency, renewalDate, segment, country, timeZone,
				calendar, externalId, firstValueDue, team, contacts);
	}

	private static boolean isEmpty(AccountForm.ContactForm contact) {
		return PageInputs.isBlank(contact.name()) && PageInputs.isBlank(contact.email())
				&& PageInputs.isBlank(contact.title());
	}

}
