package io.riskdesk.account;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the account pages read themselves from the texts they post: a currency and a time zone.
 * A code that is none reads as null, and {@link #problems} says why, so that a page shows it with
 * the record's other messages at once.
 */
final class PageInputs {

	private PageInputs() {
	}

	static Map<String, String> problems(BigDecimal arrAmount, String arrCurrency, String timeZone) {
		Map<String, String> problems = new LinkedHashMap<>();
		if (arrAmount != null && currency(arrCurrency) == null) {
			problems.put("arr.currency", "must be an ISO 4217 currency code such as USD");
		}
		if (!isBlank(timeZone) && zone(timeZone) == null) {
			problems.put("timeZone", "must be a time zone such as Europe/Paris");
		}
		return problems;
	}

	static Money money(BigDecimal amount, String currency) {
		return amount == null ? null : new Money(amount, currency(currency));
	}

	static Currency currency(String code) {
		try {
			return Currency.getInstance(code == null ? "" : code.strip().toUpperCase());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static ZoneId zone(String id) {
		if (isBlank(id)) {
			return null;
		}
		try {
			return ZoneId.of(id.strip());
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** Null for a text left empty. */
	static String text(String text) {
		return isBlank(text) ? null : text.strip();
	}

	static boolean isBlank(String text) {
		return text == null || text.isBlank();
	}

}
