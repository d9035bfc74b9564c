package io.riskdesk.signal;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Accounts, telemetry and risks written with plain SQL, as the telemetry intake and the register
 * would leave them (public for the browser tests). Usage is partitioned by month: a row's month
 * partition is created first.
 */
public final class DetectionTestData {

	private final JdbcClient jdbc;

	public DetectionTestData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An account in UTC renewing far away, with no first-value due date. */
	public long account() {
		return account(LocalDate.of(2028, 12, 31), null, "UTC");
	}

	public long account(LocalDate renewal, LocalDate firstValueDue, String timeZone) {
		return jdbc.sql("""
				insert into account (name, segment, country, time_zone, renewal_date, first_value_due,
				                     created_at, updated_at, version)
				values (:name, 'SMB', 'US', :zone, :renewal, :due, now(), now(), 0) returning id""")
			.param("name", "Signals " + UUID.randomUUID())
			.param("zone", timeZone)
			.param("renewal", renewal)
			.param("due", firstValueDue)
			.query(Long.class)
			.single();
	}

	public void usage(long account, LocalDate day, int wau, int mau) {
		LocalDate month = day.withDayOfMonth(1);
		jdbc.sql("create table if not exists telemetry_usage_" + month.format(DateTimeFormatter.ofPattern("'y'yyyy'm'MM"))
				+ " partition of telemetry_usage for values from ('" + month + "') to ('" + month.plusMonths(1) + "')")
			.update();
		jdbc.sql("insert into telemetry_usage (account_id, day, active_users, wau, mau) values (:a, :day, :wau, :wau, :mau)")
			.param("a", account)
			.param("day", day)
			.param("wau", wau)
			.param("mau", mau)
			.update();
	}

	public void featureUsage(long account, LocalDate week, String feature, String persona, int users) {
		jdbc.sql("""
				insert into telemetry_feature_usage (account_id, week, feature, persona, users)
				values (:a, :week, :feature, :persona, :users)""")
			.param("a", account)
			.param("week", week)
			.param("feature", feature)
			.param("persona", persona)
			.param("users", users)
			.update();
	}

	public void ticket(long account, String id, String severity, Instant opened, Instant resolved, boolean workaround) {
		jdbc.sql("""
				insert into telemetry_ticket (account_id, ticket_id, severity, opened_at, resolved_at, workaround, subject)
				values (:a, :id, :severity, :opened, :resolved, :workaround, 'Test ticket')""")
			.param("a", account)
			.param("id", id)
			.param("severity", severity)
			.param("opened", Timestamp.from(opened))
			.param("resolved", resolved == null ? null : Timestamp.from(resolved))
			.param("workaround", workaround)
			.update();
	}

	public void invoice(long account, String number, String amount, LocalDate due, LocalDate paid) {
		jdbc.sql("""
				insert into telemetry_invoice (account_id, invoice_no, amount, currency, due_date, paid_date)
				values (:a, :number, cast(:amount as numeric), 'USD', :due, :paid)""")
			.param("a", account)
			.param("number", number)
			.param("amount", amount)
			.param("due", due)
			.param("paid", paid)
			.update();
	}

	public void nps(long account, LocalDate day, int score, String role) {
		jdbc.sql("""
				insert into telemetry_survey (account_id, responded_on, kind, score, respondent_role)
				values (:a, :day, 'NPS', :score, :role)""")
			.param("a", account)
			.param("day", day)
			.param("score", score)
			.param("role", role)
			.update();
	}

	public void event(long account, LocalDate day, String type) {
		event(account, day, type, null);
	}

	public void event(long account, LocalDate day, String type, String note) {
		jdbc.sql("insert into telemetry_event (account_id, occurred_on, type, note) values (:a, :day, :type, :note)")
			.param("a", account)
			.param("day", day)
			.param("type", type)
			.param("note", note)
			.update();
	}

	/** A risk as the register keeps it; closed (or resolved) when the instants are given. */
	public String risk(long account, RiskCategory category, Severity severity, Instant detected, Instant resolved,
			Instant closed, String duplicateOf) {
		String key = "TEST-" + UUID.randomUUID().toString().substring(0, 8);
		String status = closed != null ? "CLOSED" : resolved != null ? "RESOLVED" : "ACTIVE";
		jdbc.sql("""
				insert into risk (risk_key, account_id, title, category, severity, status, source, detected_at, logged_at,
				                  resolved_at, closed_at, duplicate_of, version)
				values (:key, :a, 'Test risk', :category, :severity, :status, 'MANUAL', :detected, :detected,
				        :resolved, :closed, :duplicateOf, 0)""")
			.param("key", key)
			.param("a", account)
			.param("category", category.name())
			.param("severity", severity.name())
			.param("status", status)
			.param("detected", Timestamp.from(detected))
			.param("resolved", resolved == null ? null : Timestamp.from(resolved))
			.param("closed", closed == null ? null : Timestamp.from(closed))
			.param("duplicateOf", duplicateOf)
			.update();
		return key;
	}

}
