package io.riskdesk.report;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code riskdesk.reports.executive-digest.*}: the portfolio PDF e-mailed every week at {@code day}
 * {@code time} in {@code zone} to {@code recipients}. Checked at start-up: every recipient an e-mail
 * address, at least one when enabled, a known day and zone; a wrong value stops the start with the
 * property's name. The zone is also the one the portfolio PDF states its times in.
 *
 * @param recipients e-mail addresses, e.g. {@code ceo@example.com}
 * @param day e.g. {@code MONDAY}
 * @param time e.g. {@code 07:00}
 * @param zone e.g. {@code Europe/Zurich}
 */
@ConfigurationProperties("riskdesk.reports.executive-digest")
public record ExecutiveDigestProperties(boolean enabled, @DefaultValue List<String> recipients,
		@DefaultValue("MONDAY") String day, @DefaultValue("07:00") LocalTime time, @DefaultValue("UTC") String zone) {

	private static final String PREFIX = "riskdesk.reports.executive-digest.";

	public ExecutiveDigestProperties {
		recipients = List.copyOf(recipients);
		for (int i = 0; i < recipients.size(); i++) {
			try {
				new InternetAddress(recipients.get(i), true).validate();
			}
			catch (AddressException ex) {
				throw new IllegalArgumentException(PREFIX + "recipients[" + i + "] is no e-mail address: '"
						+ recipients.get(i) + "' (" + ex.getMessage() + ")");
			}
		}
		if (enabled && recipients.isEmpty()) {
			throw new IllegalArgumentException(PREFIX + "recipients must name at least one e-mail address when "
					+ PREFIX + "enabled is true");
		}
		dayOfWeek(day);
		zoneId(zone);
	}

	public DayOfWeek dayOfWeek() {
		return dayOfWeek(day);
	}

	public ZoneId zoneId() {
		return zoneId(zone);
	}

	private static DayOfWeek dayOfWeek(String day) {
		try {
			return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(PREFIX + "day must be a day of the week such as MONDAY, not '" + day + "'");
		}
	}

	private static ZoneId zoneId(String zone) {
		try {
			return ZoneId.of(zone);
		}
		catch (DateTimeException ex) {
			throw new IllegalArgumentException(PREFIX + "zone must be a time zone such as Europe/Zurich, not '" + zone + "'");
		}
	}

}
