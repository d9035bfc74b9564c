package io.riskdesk.playbook;

import java.math.BigDecimal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The most one role may approve, in the concession section's currency, or no limit at all. In
 * playbook.yml a non-negative amount with at most two decimals, or {@code unlimited}; the exact
 * limit is within it.
 *
 * @param amount null for unlimited
 */
public record ApprovalLimit(BigDecimal amount) {

	public static final String UNLIMITED = "unlimited";

	public ApprovalLimit {
		if (amount != null && (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2)) {
			throw new IllegalArgumentException("must be an amount of at least 0 with at most 2 decimals, or "
					+ UNLIMITED + ", not " + amount.toPlainString());
		}
	}

	/** Reads "unlimited" or an amount, as the YAML or JSON scalar gives it (a number, or a text). */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static ApprovalLimit parse(Object value) {
		String text = value == null ? "" : value.toString().strip();
		if (text.equalsIgnoreCase(UNLIMITED)) {
			return new ApprovalLimit(null);
		}
		try {
			return new ApprovalLimit(new BigDecimal(text));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("must be an amount such as 10000, or " + UNLIMITED + ", not '" + text + "'");
		}
	}

	public boolean unlimited() {
		return amount == null;
	}

	/** Whether a value (in the limit's currency) is within this limit: the limit itself is. */
	public boolean covers(BigDecimal value) {
		return amount == null || value.compareTo(amount) <= 0;
	}

	/** As the file writes it: the amount, or "unlimited". */
	@JsonValue
	public Object json() {
		return amount == null ? UNLIMITED : amount;
	}

}
