package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.List;

/**
 * An account's reported usage per day, oldest first: the days with a usage row between
 * {@code from} and {@code to}, both included. Without any usage row, {@code from} and {@code to}
 * are null and {@code days} is empty.
 *
 * @param to the latest day the account reported usage for
 * @param from {@code to} less the days asked for, plus one
 */
public record UsageSeries(long accountId, LocalDate from, LocalDate to, List<Day> days) {

	public UsageSeries {
		days = List.copyOf(days);
	}

	public record Day(LocalDate day, int activeUsers, int wau, int mau) {
	}

}
