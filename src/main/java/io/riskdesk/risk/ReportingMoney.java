package io.riskdesk.risk;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code riskdesk.money.*}: the reporting currency and the rates into it, so that sorting the
 * register by ARR at risk and the dashboard's total compare like with like. A rate is what one
 * unit of that currency is worth in the reporting currency; the reporting currency's own rate is
 * 1 (added when not given). Checked at start-up: ISO 4217 codes, positive rates.
 *
 * @param reportingCurrency ISO 4217 code, e.g. {@code USD}
 * @param rates ISO 4217 code to its rate, e.g. {@code EUR: 1.08}
 */
@ConfigurationProperties("riskdesk.money")
public record ReportingMoney(@DefaultValue("USD") String reportingCurrency, Map<String, BigDecimal> rates) {

	public ReportingMoney {
		Currency reporting = currency("reporting-currency", reportingCurrency);
		Map<String, BigDecimal> checked = new TreeMap<>();
		(rates == null ? Map.<String, BigDecimal>of() : rates).forEach((code, rate) -> {
			currency("rates." + code, code);
			if (rate == null || rate.signum() <= 0) {
				throw new IllegalArgumentException(
						"riskdesk.money.rates." + code + " must be a positive number, not " + rate);
			}
			if (code.equals(reporting.getCurrencyCode()) && rate.compareTo(BigDecimal.ONE) != 0) {
				throw new IllegalArgumentException("riskdesk.money.rates." + code + " must be 1: " + code
						+ " is the reporting currency");
			}
			checked.put(code, rate);
		});
		checked.put(reporting.getCurrencyCode(), BigDecimal.ONE);
		reportingCurrency = reporting.getCurrencyCode();
		rates = Map.copyOf(checked);
	}

	/** An ISO 4217 code in capitals, as {@link Currency} knows it. */
	private static Currency currency(String property, String code) {
		if (code == null || !code.matches("[A-Z]{3}")) {
			throw new IllegalArgumentException("riskdesk.money." + property + " must be an ISO 4217 code in capitals, not " + code);
		}
		try {
			return Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("riskdesk.money." + property + ": " + code + " is no ISO 4217 currency");
		}
	}

	public Currency currency() {
		return Currency.getInstance(reportingCurrency);
	}

	public boolean hasRate(Currency currency) {
		return rates.containsKey(currency.getCurrencyCode());
	}

	/** The rates other than the reporting currency's own, by code: what the dashboard shows beside its total. */
	public Map<String, BigDecimal> foreignRates() {
		return rates.entrySet()
			.stream()
			.filter(rate -> !rate.getKey().equals(reportingCurrency))
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
	}

	/**
	 * The rates as an SQL table {@code fx(currency, rate)} to join on. Literals are safe here: the
	 * codes are three capitals and the rates numbers, both checked above.
	 */
	public String sqlTable() {
		return rates.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(rate -> "('" + rate.getKey() + "', " + rate.getValue().toPlainString() + "::numeric)")
			.collect(Collectors.joining(", ", "(values ", ") as fx(currency, rate)"));
	}

}
