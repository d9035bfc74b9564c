package io.riskdesk.signal.internal;

import java.util.List;
import java.util.stream.Collectors;

import io.riskdesk.core.Text;
import io.riskdesk.playbook.SignalEventType;
import io.riskdesk.signal.TelemetryKind;

import static io.riskdesk.signal.internal.Column.blank;
import static io.riskdesk.signal.internal.Column.optional;
import static io.riskdesk.signal.internal.Column.required;

/**
 * Where the rows of one kind go: its fields (the account first), its table and the table's key
 * after {@code account_id}, and the SQL that stages, checks and upserts them.
 */
final class TelemetryTable {

	/** A rule across the fields of one row; null when the row keeps it. */
	@FunctionalInterface
	interface RowCheck {
		Problem check(List<Column> columns, String[] values);
	}

	record Problem(String column, String reason) {
	}

	/** A rule checked in SQL once accounts are resolved: rows of {@code telemetry_staging s} joined to {@code telemetry_accounts a} where {@code failing} holds are wrong. */
	record SqlCheck(String column, String reason, String failing) {
	}

	static final String STAGING = "telemetry_staging";

	static final String ACCOUNTS = "telemetry_accounts";

	final TelemetryKind kind;

	final String table;

	final List<Column> columns;

	private final List<String> keys;

	final RowCheck rowCheck;

	final List<SqlCheck> sqlChecks;

	private TelemetryTable(TelemetryKind kind, String table, List<Column> columns, List<String> keys, RowCheck rowCheck,
			List<SqlCheck> sqlChecks) {
		this.kind = kind;
		this.table = table;
		this.columns = columns;
		this.keys = keys;
		this.rowCheck = rowCheck;
		this.sqlChecks = sqlChecks;
	}

	private static final Column ACCOUNT = required("account", ValueType.ACCOUNT);

	private static final RowCheck NONE = (columns, values) -> null;

	static TelemetryTable of(TelemetryKind kind) {
		return switch (kind) {
			case USAGE -> new TelemetryTable(kind, "telemetry_usage",
					List.of(ACCOUNT, required("day", ValueType.USAGE_DAY), required("active_users", ValueType.COUNT),
							required("wau", ValueType.COUNT), required("mau", ValueType.COUNT)),
					List.of("day"), NONE, List.of());
			case FEATURE_USAGE -> new TelemetryTable(kind, "telemetry_feature_usage",
					List.of(ACCOUNT, required("week", ValueType.MONDAY), required("feature", ValueType.text(Text.NAME)),
							required("persona", ValueType.text(Text.NAME)), required("users", ValueType.COUNT)),
					List.of("week", "feature", "persona"), NONE, List.of());
			case TICKETS -> new TelemetryTable(kind, "telemetry_ticket",
					List.of(ACCOUNT, required("ticket_id", ValueType.text(Text.NAME)),
							required("severity", ValueType.oneOf(List.of("SEV1", "SEV2", "SEV3", "SEV4"))),
							required("opened_at", ValueType.MOMENT), optional("resolved_at", ValueType.MOMENT),
							required("workaround", ValueType.BOOLEAN), required("subject", ValueType.text(Text.TITLE))),
					List.of("ticket_id"), NONE,
					List.of(new SqlCheck("resolved_at", "is before opened_at", moment("resolved_at") + " < " + moment("opened_at"))));
			case INVOICES -> new TelemetryTable(kind, "telemetry_invoice",
					List.of(ACCOUNT, required("invoice_no", ValueType.text(Text.NAME)), required("amount", ValueType.AMOUNT),
							required("currency", ValueType.CURRENCY), required("due_date", ValueType.DATE),
							optional("paid_date", ValueType.DATE)),
					List.of("invoice_no"), NONE, List.of());
			case SURVEYS -> new TelemetryTable(kind, "telemetry_survey",
					List.of(ACCOUNT, required("responded_on", ValueType.DATE),
							required("kind", ValueType.oneOf(List.of("NPS", "CSAT"))), required("score", ValueType.SCORE),
							blank("respondent_role", ValueType.text(Text.NAME)), optional("comment", ValueType.text(Text.NOTE))),
					List.of("responded_on", "kind", "score", "respondent_role"), TelemetryTable::scoreOfItsKind, List.of());
			case EVENTS -> new TelemetryTable(kind, "telemetry_event",
					List.of(ACCOUNT, required("occurred_on", ValueType.DATE), required("type", ValueType.oneOf(SignalEventType.class)),
							optional("note", ValueType.text(Text.NOTE))),
					List.of("occurred_on", "type"), NONE, List.of());
		};
	}

	/** NPS from 0 to 10, CSAT from 1 to 5. */
	private static Problem scoreOfItsKind(List<Column> columns, String[] values) {
		String kind = values[2];
		int score = Integer.parseInt(values[3]);
		boolean nps = kind.equals("NPS");
		int min = nps ? 0 : 1;
		int max = nps ? 10 : 5;
		return score < min || score > max ? new Problem("score", "must be from " + min + " to " + max + " for " + kind) : null;
	}

	/** A ticket's moment as an instant: a local one is in the account's time zone. */
	private static String moment(String column) {
		return "coalesce(s." + column + ", s." + column + "_local at time zone a.time_zone)";
	}

	String createStaging() {
		return "create temp table " + STAGING + " (row_no bigint, "
				+ columns.stream().map(c -> c.type().staging(c.name())).collect(Collectors.joining(", "))
				+ ") on commit drop";
	}

	String copyStaging() {
		return "copy " + STAGING + " from stdin";
	}

	/**
	 * One upsert of the staged rows that {@code filter} selects (SQL, may be empty) into
	 * {@code target}: the table, or one partition of it, as the {@code xmax} of a row cannot be
	 * returned from a partitioned table. A row equal to the stored one is left alone, so that
	 * {@code xmax = 0} (a row this statement inserted) and the rows returned tell inserted, updated
	 * and unchanged apart. Rows go in key order, which makes the index writes cheaper. Answers
	 * per account: inserted, updated.
	 */
	String upsert(String target, String filter) {
		List<Column> stored = columns.subList(1, columns.size());
		List<String> values = stored.stream().map(Column::name).filter(name -> !keys.contains(name)).toList();
		String names = stored.stream().map(Column::name).collect(Collectors.joining(", "));
		String selected = stored.stream()
			.map(c -> c.type() == ValueType.MOMENT ? moment(c.name()) : "s." + c.name())
			.collect(Collectors.joining(", "));
		return """
				with upserted as (
				    insert into %1$s as t (account_id, %2$s)
				    select a.id, %3$s from %4$s s join %5$s a on a.account = s.account %6$s
				    order by a.id, %11$s
				    on conflict (account_id, %7$s) do update set %8$s
				    where (%9$s) is distinct from (%10$s)
				    returning (xmax = 0) as inserted, account_id)
				select account_id, count(*) filter (where inserted) as inserted, count(*) filter (where not inserted) as updated
				from upserted group by account_id"""
			.formatted(target, names, selected, STAGING, ACCOUNTS, filter, String.join(", ", keys),
					values.stream().map(v -> v + " = excluded." + v).collect(Collectors.joining(", ")),
					values.stream().map(v -> "t." + v).collect(Collectors.joining(", ")),
					values.stream().map(v -> "excluded." + v).collect(Collectors.joining(", ")),
					keys.stream().map(k -> "s." + k).collect(Collectors.joining(", ")));
	}

	/** The rows whose key an earlier row of the same request has already: {@code row_no}, {@code first}. */
	String duplicates() {
		return """
				select row_no, first, count(*) over () as total from (
				    select s.row_no, min(s.row_no) over (partition by a.id, %1$s) as first
				    from %2$s s join %3$s a on a.account = s.account) d
				where row_no <> first order by row_no limit ?"""
			.formatted(keys.stream().map(k -> "s." + k).collect(Collectors.joining(", ")), STAGING, ACCOUNTS);
	}

	/** The key fields as a person reads them: "account and day". */
	String keyNames() {
		return "account, " + String.join(", ", keys);
	}

}
