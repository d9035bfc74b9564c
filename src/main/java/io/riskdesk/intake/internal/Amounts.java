package io.riskdesk.intake.internal;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.account.Money;

/**
 * Money as notes write it: {@code $850K}, {@code USD 1,450,000}, {@code €300k}, {@code CHF 2.3 Mio},
 * {@code 1.2 million dollars}, {@code A$40k}, {@code £90k/month}. The currency comes from a symbol, an ISO code or a
 * word; {@code $} alone is USD. A number with no currency is not money (ticket and user counts, percentages, years),
 * except right after a contract word ({@link #stated}).
 */
final class Amounts {

	private static final String CODES = "USD|EUR|GBP|CAD|AUD|NZD|CHF|JPY|SEK|NOK|DKK|SGD|HKD|INR";

	static final Pattern MONEY = Pattern.compile("(?:\\b(?<code>" + CODES + ")\\s?|(?<symbol>(?:US|AU|A|CA|C|NZ|S|HK)?\\$|€|£|¥))?"
			+ "(?<![\\d.,])(?<number>\\d{1,3}(?:,\\d{3})+|\\d{1,12})(?:\\.(?<fraction>\\d{1,4}))?"
			+ "(?:\\s?(?<scale>[KkMmBb]|MM|mm|bn|million|thousand|billion|[Mm]io\\b\\.?|Mrd\\b\\.?))?(?![\\w%])"
			+ "(?:\\s?(?<after>" + CODES + ")\\b|\\s(?<word>(?:US |Canadian |Australian |Swiss )?(?:dollars?|euros?|pounds?|yen|francs?))\\b)?"
			+ "(?:\\s?(?:/|per|a|an)\\s?(?<per>month|mo|mth|year|yr|annum)\\b|\\s(?<every>monthly|annually|yearly|p\\.a\\.))?");

	/** Right after a contract word an amount may go without currency: "ARR 640K", "ACV: 1,200,000". */
	private static final Pattern AFTER_CONTRACT_WORD = Pattern.compile("^[\\s:=*-]*(?:(?:of|is|was|at|now|about|~)\\s+)*$");

	private static final Pattern YEAR = Pattern.compile("(?:19|20)\\d{2}");

	private Amounts() {
	}

	enum Period {
		MONTH, YEAR
	}

	/** {@code currencyStated} is false for an amount whose currency the text leaves to the rest of the document. */
	record Found(Money money, int start, int end, Period period, boolean currencyStated) {
	}

	/** The first amount with a currency in the text. */
	static Optional<Found> first(String text) {
		Matcher m = MONEY.matcher(text);
		while (m.find()) {
			Found found = found(m);
			if (found != null) {
				return Optional.of(found);
			}
		}
		return Optional.empty();
	}

	/** The amount a match stands for; null when it names no currency (a count, not money). */
	static Found found(Matcher m) {
		String code = currency(m);
		return code == null ? null : amount(m, code, true);
	}

	/**
	 * The amount that follows a contract word at {@code from} ("ARR 640K", "ACV $1.2M"): with its currency, or with
	 * {@code fallback} when it states none but is plainly an amount (a scale or thousands separators, not a year or a
	 * percentage).
	 */
	static Optional<Found> stated(String text, int from, Currency fallback) {
		Matcher m = MONEY.matcher(text);
		if (!m.find(from) || !AFTER_CONTRACT_WORD.matcher(text.substring(from, m.start())).matches()) {
			return Optional.empty();
		}
		String code = currency(m);
		if (code != null) {
			return Optional.of(amount(m, code, true));
		}
		boolean plainlyAmount = m.group("scale") != null || m.group("number").contains(",");
		if (!plainlyAmount || YEAR.matcher(m.group("number")).matches() && m.group("scale") == null) {
			return Optional.empty();
		}
		return Optional.of(amount(m, fallback.getCurrencyCode(), false));
	}

	private static Found amount(Matcher m, String code, boolean stated) {
		BigDecimal amount = new BigDecimal(
				m.group("number").replace(",", "") + (m.group("fraction") == null ? "" : "." + m.group("fraction")));
		String scale = m.group("scale") == null ? "" : m.group("scale").toLowerCase(Locale.ROOT).replace(".", "");
		amount = switch (scale) {
			case "k", "thousand" -> amount.movePointRight(3);
			case "m", "mm", "million", "mio" -> amount.movePointRight(6);
			case "b", "bn", "billion", "mrd" -> amount.movePointRight(9);
			default -> amount;
		};
		return new Found(new Money(plain(amount), Currency.getInstance(code)), m.start(), m.end(), period(m), stated);
	}

	/** A code or word after the number wins over a symbol before it: "$1.2M CAD" is Canadian. */
	private static String currency(Matcher m) {
		if (m.group("after") != null) {
			return m.group("after");
		}
		if (m.group("word") != null) {
			String word = m.group("word").toLowerCase(Locale.ROOT);
			return word.startsWith("canadian") ? "CAD" : word.startsWith("australian") ? "AUD"
					: word.startsWith("swiss") || word.startsWith("franc") ? "CHF" : word.startsWith("euro") ? "EUR"
							: word.startsWith("pound") ? "GBP" : word.startsWith("yen") ? "JPY" : "USD";
		}
		if (m.group("code") != null) {
			return m.group("code");
		}
		if (m.group("symbol") == null) {
			return null;
		}
		return switch (m.group("symbol")) {
			case "€" -> "EUR";
			case "£" -> "GBP";
			case "¥" -> "JPY";
			case "A$", "AU$" -> "AUD";
			case "C$", "CA$" -> "CAD";
			case "NZ$" -> "NZD";
			case "S$" -> "SGD";
			case "HK$" -> "HKD";
			default -> "USD";
		};
	}

	private static Period period(Matcher m) {
		String per = m.group("per") != null ? m.group("per") : m.group("every");
		if (per == null) {
			return null;
		}
		return per.startsWith("mo") || per.equals("mth") ? Period.MONTH : Period.YEAR;
	}

	static BigDecimal plain(BigDecimal amount) {
		BigDecimal stripped = amount.stripTrailingZeros();
		return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
	}

}
