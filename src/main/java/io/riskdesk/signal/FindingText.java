package io.riskdesk.signal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** Numbers as explanations print them: "1,120", "−45.0%", "USD 12,000.00". */
final class FindingText {

	private FindingText() {
	}

	static String count(long value) {
		return String.format(Locale.ROOT, "%,d", value);
	}

	/** The change from {@code before} to {@code after} in percent, one decimal (before is never 0 here). */
	static BigDecimal changePercent(long before, long after) {
		return BigDecimal.valueOf((after - before) * 100L).divide(BigDecimal.valueOf(before), 1, RoundingMode.HALF_UP);
	}

	/** A signed percentage with a true minus sign. */
	static String percent(BigDecimal value) {
		String digits = value.abs().toPlainString() + "%";
		return value.signum() < 0 ? "−" + digits : value.signum() > 0 ? "+" + digits : digits;
	}

	static String money(BigDecimal amount, String currency) {
		return currency + " " + String.format(Locale.ROOT, "%,.2f", amount);
	}

	static String days(long days) {
		return days == 1 ? "1 day" : count(days) + " days";
	}

}
