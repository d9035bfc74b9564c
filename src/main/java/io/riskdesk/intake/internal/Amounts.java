package io.riskdesk.intake.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.account.Money;

/** Money as notes write it: {@code $850K}, {@code $2.3M}, {@code USD 1,450,000}, {@code €300k}. */
final class Amounts {

	static final Pattern MONEY = Pattern.compile(
			"(?:\\b(USD|EUR|GBP|CAD|AUD|CHF)\\s?|([$€£]))(\\d{1,3}(?:,\\d{3})+|\\d{1,12})(?:\\.(\\d{1,4}))?\\s?(K|k|M|m|B|bn|million|thousand|billion)?\\b");

	private Amounts() {
	}

	record Found(Money money, int start, int end) {
	}

	static Optional<Found> first(String text) {
		Matcher m = MONEY.matcher(text);
		return m.find() ? Optional.of(found(m)) : Optional.empty();
	}

	static Found found(Matcher m) {
		String code = m.group(1) != null ? m.group(1) : switch (m.group(2)) {
			case "€" -> "EUR";
			case "£" -> "GBP";
			default -> "USD";
		};
		BigDecimal amount = new BigDecimal(m.group(3).replace(",", "") + (m.group(4) == null ? "" : "." + m.group(4)));
		String suffix = m.group(5) == null ? "" : m.group(5).toLowerCase(Locale.ROOT);
		amount = switch (suffix) {
			case "k", "thousand" -> amount.movePointRight(3);
			case "m", "million" -> amount.movePointRight(6);
			case "b", "bn", "billion" -> amount.movePointRight(9);
			default -> amount;
		};
		return new Found(new Money(plain(amount), Currency.getInstance(code)), m.start(), m.end());
	}

	static BigDecimal plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
