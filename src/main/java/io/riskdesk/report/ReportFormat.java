package io.riskdesk.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.riskdesk.account.Money;

/** How the PDFs write money, dates and instants: "USD 480,000", "2026-12-01", instants in one zone. */
record ReportFormat(ZoneId zone) {

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ENGLISH);

	public String money(Money money) {
		if (money == null) {
			return "not set";
		}
		DecimalFormat amount = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ENGLISH));
		return money.currency().getCurrencyCode() + " " + amount.format(money.amount());
	}

	public String date(LocalDate date) {
		return date == null ? "not set" : date.toString();
	}

	public String instant(Instant instant) {
		return instant == null ? "" : INSTANT.format(instant.atZone(zone));
	}

}
