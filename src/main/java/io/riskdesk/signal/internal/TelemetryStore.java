package io.riskdesk.signal.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

import javax.sql.DataSource;

import io.riskdesk.signal.RowError;
import io.riskdesk.signal.TelemetryFormat;
import io.riskdesk.signal.TelemetryKind;
import io.riskdesk.signal.TelemetryRejected;
import io.riskdesk.signal.TelemetryReport;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores one telemetry file, all or nothing, in one transaction: rows are read and checked one at
 * a time and streamed with COPY into a temporary staging table; SQL then resolves the accounts
 * and finds the errors only the database can see; one upsert moves every row into its table.
 */
@Component
public class TelemetryStore {

	private static final Logger log = LoggerFactory.getLogger(TelemetryStore.class);

	/** Serialises the creation of usage partitions: two requests for a new month must not both create it. */
	private static final String PARTITION_LOCK = "select pg_advisory_xact_lock(hashtext('telemetry_usage partitions'))";

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final Clock clock;

	TelemetryStore(DataSource dataSource, JdbcClient jdbc, Clock clock) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The fields of a kind in their order; the optional ones say so. */
	public static List<String> fields(TelemetryKind kind) {
		return TelemetryTable.of(kind).columns.stream()
			.map(c -> c.required() ? c.name() : c.name() + " (optional)")
			.toList();
	}

	/**
	 * @throws TelemetryRejected when a row or the header is wrong: nothing is stored
	 * @throws io.riskdesk.signal.TelemetryTooLarge when the body passes {@code maxBytes}
	 */
	@Transactional
	public TelemetryReport store(TelemetryKind kind, TelemetryFormat format, InputStream body, long maxBytes) {
		long startedAt = System.nanoTime();
		TelemetryTable table = TelemetryTable.of(kind);
		RowErrors errors = new RowErrors();
		InputStream limited = new SizeLimit(body, maxBytes);
		Connection connection = DataSourceUtils.getConnection(dataSource); // the transaction's, for COPY and the savepoint
		jdbc.sql(table.createStaging()).update();
		SortedSet<YearMonth> months = new TreeSet<>();
		long staged;
		try (Rows rows = format == TelemetryFormat.CSV ? new CsvRows(limited, kind.path(), table.columns, errors)
				: new JsonRows(limited, kind.path(), table.columns, errors)) {
			staged = copy(connection, table, rows, errors, months);
		}
		if (staged == 0) {
			errors.throwIfAny();
			return new TelemetryReport(kind, 0, 0, 0, 0, List.of(), null);
		}
		long readAt = System.nanoTime();
		resolveAccounts(table, errors);
		errors.throwIfAny();
		createPartitions(months);
		long checkedAt = System.nanoTime();
		TelemetryReport report = upsert(connection, table, months, staged);
		log.info("Telemetry {}: {} rows read and staged in {} ms, accounts and partitions in {} ms, upserted in {} ms"
				+ " ({} inserted, {} updated)", kind.path(), staged, (readAt - startedAt) / 1_000_000,
				(checkedAt - readAt) / 1_000_000, (System.nanoTime() - checkedAt) / 1_000_000, report.inserted(),
				report.updated());
		return report;
	}

	/** Streams the valid rows into the staging table; returns how many. */
	private long copy(Connection connection, TelemetryTable table, Rows rows, RowErrors errors, SortedSet<YearMonth> months) {
		List<Column> columns = table.columns;
		Dates dates = Dates.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		String[] values = new String[columns.size()];
		StringBuilder line = new StringBuilder(256);
		long staged = 0;
		try {
			PGCopyOutputStream out = new PGCopyOutputStream(connection.unwrap(PGConnection.class), table.copyStaging(), 1 << 16);
			try {
				Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
				while (true) {
					long errorsBefore = errors.total();
					if (!rows.next(values)) {
						break;
					}
					if (errors.total() == errorsBefore && line(table, rows.row(), values, dates, errors, line)) {
						if (table.kind == TelemetryKind.USAGE) {
							months.add(YearMonth.from(ValueType.date(values[1]))); // usage's day
						}
						writer.append(line);
						staged++;
					}
				}
				writer.flush();
				out.endCopy();
			}
			finally {
				if (out.isActive()) {
					out.cancelCopy(); // a body that broke off or grew too large
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("COPY into the staging table failed", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return staged;
	}

	/**
	 * Checks one row and writes it as a COPY line into {@code line}; reports what is wrong instead.
	 * {@code values} are left stripped, an empty one as null.
	 */
	private static boolean line(TelemetryTable table, long row, String[] values, Dates dates, RowErrors errors,
			StringBuilder line) {
		line.setLength(0);
		line.append(row);
		boolean valid = true;
		for (int c = 0; c < values.length; c++) {
			Column column = table.columns.get(c);
			String value = values[c] == null ? null : values[c].strip();
			values[c] = value == null || value.isEmpty() ? null : value;
			line.append('\t');
			if (values[c] != null) {
				try {
					column.type().write(value, dates, line);
				}
				catch (Wrong wrong) {
					errors.add(row, column.name(), wrong.getMessage());
					valid = false;
				}
			}
			else if (column.required()) {
				errors.add(row, column.name(), "is required");
				valid = false;
			}
			else {
				String absent = column.presence() == Column.Presence.BLANK ? "" : CopyText.NULL;
				for (int f = 0; f < column.type().fields; f++) {
					line.append(f == 0 ? "" : "\t").append(absent);
				}
			}
		}
		if (valid) {
			TelemetryTable.Problem problem = table.rowCheck.check(table.columns, values);
			if (problem != null) {
				errors.add(row, problem.column(), problem.reason());
				valid = false;
			}
		}
		line.append('\n');
		return valid;
	}

	/**
	 * Maps every account text of the file to its account: by external id exactly, else by name
	 * regardless of case. Reports the rows naming no account, and those breaking a rule of the table.
	 */
	private void resolveAccounts(TelemetryTable table, RowErrors errors) {
		jdbc.sql("""
				create temp table %s on commit drop as
				select t.account, coalesce(e.id, n.id) as id, coalesce(e.time_zone, n.time_zone) as time_zone
				from (select distinct account from %s) t
				left join account_facts e on e.external_id = t.account
				left join account_facts n on lower(n.name) = lower(t.account)"""
			.formatted(TelemetryTable.ACCOUNTS, TelemetryTable.STAGING)).update();
		if (jdbc.sql("select exists (select from " + TelemetryTable.ACCOUNTS + " where id is null)").query(Boolean.class).single()) {
			failing(errors, "account", "is no account's external id or name", "a.id is null");
		}
		for (TelemetryTable.SqlCheck check : table.sqlChecks) {
			failing(errors, check.column(), check.reason(), check.failing());
		}
	}

	private void failing(RowErrors errors, String column, String reason, String condition) {
		long[] total = { 0 };
		List<RowError> found = jdbc.sql("""
				select s.row_no, count(*) over () as total from %s s join %s a on a.account = s.account
				where %s order by s.row_no limit ?""".formatted(TelemetryTable.STAGING, TelemetryTable.ACCOUNTS, condition))
			.param(TelemetryRejected.MAX_ERRORS)
			.query((rs, i) -> {
				total[0] = rs.getLong("total");
				return new RowError(rs.getLong("row_no"), column, reason);
			})
			.list();
		errors.addAll(found, total[0]);
	}

	/**
	 * Creates the monthly partitions of usage that the rows need, under a lock held to the end of
	 * the transaction: a concurrent request waits, then finds them. Only when one is missing, so
	 * requests for existing months never wait on each other.
	 */
	private void createPartitions(SortedSet<YearMonth> months) {
		List<YearMonth> missing = months.stream()
			.filter(month -> !jdbc.sql("select to_regclass(?) is not null").param(partition(month)).query(Boolean.class).single())
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		jdbc.sql(PARTITION_LOCK).query((rs, i) -> 1).list();
		for (YearMonth month : missing) {
			jdbc.sql("create table if not exists %s partition of telemetry_usage for values from ('%s') to ('%s')"
				.formatted(partition(month), month.atDay(1), month.plusMonths(1).atDay(1))).update();
		}
	}

	static String partition(YearMonth month) {
		return "telemetry_usage_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
	}

	/**
	 * The upsert: one statement, or for usage one per month into its partition. Two rows with the
	 * same key make it fail, and then those rows are named instead.
	 */
	private TelemetryReport upsert(Connection connection, TelemetryTable table, SortedSet<YearMonth> months, long staged) {
		long[] counts = new long[2];
		SortedSet<Long> accounts = new TreeSet<>();
		if (months.size() > 1) {
			// Each month's statement then reads its own rows of the staging table, not all of them.
			jdbc.sql("create index on " + TelemetryTable.STAGING + " (day)").update();
		}
		List<String> statements = table.kind != TelemetryKind.USAGE ? List.of(table.upsert(table.table, ""))
				: months.stream()
					.map(month -> table.upsert(partition(month), "where s.day >= '%s' and s.day < '%s'"
						.formatted(month.atDay(1), month.plusMonths(1).atDay(1))))
					.toList();
		try {
			Savepoint beforeUpsert = connection.setSavepoint();
			try {
				for (String statement : statements) {
					jdbc.sql(statement).query((rs, i) -> {
						accounts.add(rs.getLong("account_id"));
						counts[0] += rs.getLong("inserted");
						counts[1] += rs.getLong("updated");
						return null;
					}).list();
				}
			}
			catch (DataAccessException ex) {
				if (!sameKeyTwice(ex)) {
					throw ex;
				}
				connection.rollback(beforeUpsert);
				throw duplicates(table);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return new TelemetryReport(table.kind, staged, counts[0], counts[1], staged - counts[0] - counts[1],
				List.copyOf(accounts), null);
	}

	/** PostgreSQL's "ON CONFLICT DO UPDATE command cannot affect row a second time". */
	private static boolean sameKeyTwice(DataAccessException ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLException sql && "21000".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private TelemetryRejected duplicates(TelemetryTable table) {
		long[] total = { 0 };
		List<RowError> found = jdbc.sql(table.duplicates()).param(TelemetryRejected.MAX_ERRORS).query((rs, i) -> {
			total[0] = rs.getLong("total");
			return new RowError(rs.getLong("row_no"), null,
					"has the same " + table.keyNames() + " as row " + rs.getLong("first"));
		}).list();
		return new TelemetryRejected(found, total[0]);
	}

}
