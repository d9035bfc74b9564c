package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.List;

import io.riskdesk.core.InvalidFieldException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The usage an account reported, as its charts show it. */
@Service
public class UsageHistory {

	/** The most days one series holds: two years. */
	public static final int MAX_DAYS = 731;

	private final JdbcClient jdbc;

	UsageHistory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The last {@code days} days of reported usage: they end on the latest day the account
	 * reported, so an account that stopped reporting still shows what it reported last.
	 */
	@Transactional(readOnly = true)
	public UsageSeries of(long accountId, int days) {
		if (days < 1 || days > MAX_DAYS) {
			throw new InvalidFieldException("days", "must be from 1 to " + MAX_DAYS);
		}
		LocalDate to = jdbc.sql("select day from telemetry_usage where account_id = :account order by day desc limit 1")
			.param("account", accountId)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (to == null) {
			return new UsageSeries(accountId, null, null, List.of());
		}
		LocalDate from = to.minusDays(days - 1L);
		// Literal bounds on day let PostgreSQL read only the months' partitions they cover.
		return new UsageSeries(accountId, from, to, jdbc.sql("""
				select day, active_users, wau, mau from telemetry_usage
				where account_id = :account and day between :from and :to order by day""")
			.param("account", accountId)
			.param("from", from)
			.param("to", to)
			.query((rs, i) -> new UsageSeries.Day(rs.getObject("day", LocalDate.class), rs.getInt("active_users"),
					rs.getInt("wau"), rs.getInt("mau")))
			.list());
	}

}
