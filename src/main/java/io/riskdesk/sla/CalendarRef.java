package io.riskdesk.sla;

import java.time.ZoneId;

import io.riskdesk.account.AccountDetails;

/**
 * Which business calendar a clock counts in: the account's calendar name (null for the
 * playbook's default calendar), time zone and country.
 */
public record CalendarRef(String name, ZoneId zone, String country) {

	public static CalendarRef of(AccountDetails account) {
		return new CalendarRef(account.calendar(), ZoneId.of(account.timeZone()), account.country());
	}

}
