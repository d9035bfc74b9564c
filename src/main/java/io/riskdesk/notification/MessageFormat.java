package io.riskdesk.notification;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import io.riskdesk.account.Money;

/**
 * How messages write instants, dates and money: in the reader's time zone (the account's), with
 * the zone named, so "14:00 EST" is not read as the recipient's own 14:00. Templates call it as
 * {@code fmt}.
 */
record MessageFormat(ZoneId zone) {

	private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm zzz", Locale.ENGLISH);

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);

	public String instant(Instant instant) {
		return instant == null ? "not set" : INSTANT.format(instant.atZone(zone));
	}

	public String date(LocalDate date) {
		return date == null ? "not set" : DATE.format(date);
	}

	public String money(Money money) {
		if (money == null) {
			return "not set";
		}
		DecimalFormat format = new DecimalFormat("#,##0");
		format.setRoundingMode(RoundingMode.HALF_UP);
		return money.currency().getCurrencyCode() + " " + format.format(money.amount());
	}

	/** "2027-03-31 (in 122 days)", "(today)", "(lapsed)"; "not known" without a date. */
	public String renewal(LocalDate date, Long days) {
		if (date == null) {
			return "not known";
		}
		String when = days == null ? "" : days < 0 ? " (lapsed)" : days == 0 ? " (today)" : " (in " + days + " days)";
		return date(date) + when;
	}

}
