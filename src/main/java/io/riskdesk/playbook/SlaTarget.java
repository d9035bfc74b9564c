package io.riskdesk.playbook;

import jakarta.validation.constraints.NotNull;

/**
 * A time promise of the playbook, e.g. "4 business hours" or "same day".
 * Clock-time and business-time units are kept apart because SLA clocks count them differently.
 */
public record SlaTarget(int amount, @NotNull Unit unit) {

	public enum Unit {
		/** Wall-clock hours, 24x7. */
		HOURS,
		/** Hours within the account's business calendar. */
		BUSINESS_HOURS,
		/** Whole working days of the account's business calendar. */
		BUSINESS_DAYS,
		/** Before the end of the account's current business day; amount is ignored. */
		SAME_DAY
	}

	/** For people: "2 hours", "1 business day", "same day". */
	public String label() {
		if (unit == Unit.SAME_DAY) {
			return "same day";
		}
		String name = unit.name().toLowerCase().replace('_', ' ');
		return amount + " " + (amount == 1 ? name.substring(0, name.length() - 1) : name);
	}

	public SlaTarget {
		if (unit != null && unit != Unit.SAME_DAY && amount <= 0) {
			throw new IllegalArgumentException("amount must be greater than 0 for unit " + unit);
		}
	}

}
