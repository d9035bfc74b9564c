package io.riskdesk.demo.dataset;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import io.riskdesk.demo.portfolio.PortfolioLoader;

/**
 * Loads a generated data set into a migrated Riskdesk database (the schema of the connection's search
 * path) through COPY, in one transaction: all or nothing. It refuses a database that holds accounts or
 * risks already unless asked to replace them; then it empties every table the app keeps accounts, people,
 * risks and their work in (users and API tokens stay). As bulk loads go, the secondary indexes and foreign
 * keys of the tables it fills are dropped first and made again at the end (in the same transaction: a
 * row that breaks one fails the load), and the next chunk of rows is generated while the last one is
 * copied. Afterwards the identity sequences follow the generated ids, so the app keeps creating rows,
 * and the tables are analyzed.
 */
public final class DatasetLoader {

	/** The tables that hold a business data set; emptied by a replace (users, tokens and webhooks stay). */
	private static final List<String> DATA_TABLES = List.of("account", "person", "risk", "risk_key_counter",
			"timeline_entry", "sla_clock", "cap_milestone", "progress_update", "progress_status", "cadence_schedule",
			"cadence_meeting", "concession", "intake_import", "signal_finding", "notification", "telemetry_usage",
			"telemetry_feature_usage", "telemetry_ticket", "telemetry_invoice", "telemetry_survey", "telemetry_event");

	/** The checks those tables' rows had scheduled. */
	private static final List<String> TASKS = List.of("sla-clock-check", "progress-stale-check");

	/** Tables whose ids are generated here, and so must move their sequences on. */
	private static final List<String> IDENTITIES = List.of("person", "account", "risk", "timeline_entry", "sla_clock",
			"cap_milestone", "progress_update", "concession", "intake_import");

	/**
	 * What a load did: the rows and the seconds of COPY per table, the seconds spent waiting for rows being
	 * generated (beyond what ran beside COPY), rebuilding indexes and foreign keys, and analyzing.
	 */
	public record Report(Map<DatasetTable, Long> rows, Map<DatasetTable, Double> copySeconds, double generateSeconds,
			double rebuildSeconds, double analyzeSeconds) {

		public long totalRows() {
			return rows.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	/** The database holds a data set already and was not to be replaced. */
	public static final class NotEmptyException extends IllegalStateException {

		NotEmptyException(String message) {
			super(message);
		}

	}

	private DatasetLoader() {
	}

	/** Loads the data set and says how long each part took. */
	public static Report load(Connection connection, DatasetGenerator generator, boolean replace)
			throws SQLException, IOException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		Timings timings = new Timings();
		try {
			load(generator, connection, replace, timings);
			connection.commit();
		}
		catch (SQLException | IOException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
		long analyzing = System.nanoTime();
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze");
		}
		return new Report(timings.rows, timings.copySeconds, timings.generateNanos / 1e9, timings.rebuildNanos / 1e9,
				(System.nanoTime() - analyzing) / 1e9);
	}

	private static final class Timings {

		final Map<DatasetTable, Long> rows = new EnumMap<>(DatasetTable.class);

		final Map<DatasetTable, Double> copySeconds = new EnumMap<>(DatasetTable.class);

		long generateNanos;

		long rebuildNanos;

	}

	private static void load(DatasetGenerator generator, Connection connection, boolean replace, Timings timings)
			throws SQLException, IOException {
		try (Statement statement = connection.createStatement()) {
			long risks = count(statement, "risk");
			long accounts = count(statement, "account");
			if ((risks > 0 || accounts > 0) && !replace) {
				throw new NotEmptyException("The database already holds " + risks + " risks and " + accounts
						+ " accounts: nothing was written. Generate into a new database, or pass --replace to delete"
						+ " its accounts, people, risks and everything of them first (users and API tokens stay).");
			}
			// Empty already unless replacing; truncated in this transaction, the tables need no WAL for the
			// COPY on a server with wal_level=minimal (the embedded one DatasetCommand starts).
			statement.execute("truncate " + String.join(", ", DATA_TABLES) + " restart identity cascade");
			statement.execute("delete from scheduled_tasks where task_name in ('" + String.join("', '", TASKS) + "')");
			// The generator writes each risk's evidence_text itself: the trigger would rewrite every risk once more.
			statement.execute("alter table risk_evidence disable trigger risk_evidence_inserted");
			statement.execute("set local maintenance_work_mem = '256MB'");
		}
		List<String> rebuild = dropIndexesAndForeignKeys(connection);
		for (Map.Entry<DatasetTable, List<Object[]>> table : generator.directoryRows().entrySet()) {
			copy(connection, table.getKey(), table.getValue(), timings);
		}
		ExecutorService background = Executors.newSingleThreadExecutor();
		try {
			Future<Map<DatasetTable, List<Object[]>>> next = background.submit(() -> generator.chunk(0));
			for (int n = 0; n < generator.chunks(); n++) {
				long waiting = System.nanoTime();
				Map<DatasetTable, List<Object[]>> chunk = next.get();
				timings.generateNanos += System.nanoTime() - waiting;
				int following = n + 1;
				next = following < generator.chunks() ? background.submit(() -> generator.chunk(following)) : null;
				for (Map.Entry<DatasetTable, List<Object[]>> table : chunk.entrySet()) {
					copy(connection, table.getKey(), table.getValue(), timings);
				}
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while generating", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Generating the data set failed", ex.getCause());
		}
		finally {
			background.shutdownNow();
		}
		copy(connection, DatasetTable.RISK_KEY_COUNTER, generator.keyCounters(), timings);
		try (Statement statement = connection.createStatement()) {
			long rebuilding = System.nanoTime();
			for (String sql : rebuild) {
				statement.execute(sql);
			}
			timings.rebuildNanos = System.nanoTime() - rebuilding;
			statement.execute("alter table risk_evidence enable trigger risk_evidence_inserted");
			for (String table : IDENTITIES) {
				statement.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), coalesce(max(id), 0) + 1, false)"
						+ " from " + table);
			}
		}
	}

	/**
	 * Drops the secondary indexes (not those of primary keys and unique constraints, which foreign keys
	 * name) and the foreign keys of the tables the data set fills; returns the statements that make them again.
	 */
	private static List<String> dropIndexesAndForeignKeys(Connection connection) throws SQLException {
		String[] tables = Stream.of(DatasetTable.values()).map(DatasetTable::table).toArray(String[]::new);
		List<String> drop = new ArrayList<>();
		List<String> rebuild = new ArrayList<>();
		try (PreparedStatement indexes = connection.prepareStatement("""
				select i.indexname, i.indexdef from pg_indexes i
				where i.schemaname = current_schema() and i.tablename = any(?)
				and not exists (select 1 from pg_constraint c where c.conname = i.indexname
				                and c.connamespace = to_regnamespace(current_schema()))
				order by i.tablename, i.indexname""");
				PreparedStatement foreignKeys = connection.prepareStatement("""
						select c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) from pg_constraint c
						where c.contype = 'f' and c.connamespace = to_regnamespace(current_schema())
						and c.conrelid::regclass::text = any(?)
						order by 1, 2""")) {
			indexes.setArray(1, connection.createArrayOf("text", tables));
			try (ResultSet rs = indexes.executeQuery()) {
				while (rs.next()) {
					drop.add("drop index " + quote(rs.getString(1)));
					rebuild.add(rs.getString(2));
				}
			}
			foreignKeys.setArray(1, connection.createArrayOf("text", tables));
			try (ResultSet rs = foreignKeys.executeQuery()) {
				while (rs.next()) {
					drop.add("alter table " + rs.getString(1) + " drop constraint " + quote(rs.getString(2)));
					rebuild.add("alter table " + rs.getString(1) + " add constraint " + quote(rs.getString(2)) + " "
							+ rs.getString(3));
				}
			}
		}
		try (Statement statement = connection.createStatement()) {
			for (String sql : drop) {
				statement.execute(sql);
			}
		}
		return rebuild;
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static void copy(Connection connection, DatasetTable table, List<Object[]> values, Timings timings)
			throws SQLException, IOException {
		long started = System.nanoTime();
		long copied = PortfolioLoader.copy(connection, table.table(), table.columns(), values.stream(), row -> row);
		timings.rows.merge(table, copied, Long::sum);
		timings.copySeconds.merge(table, (System.nanoTime() - started) / 1e9, Double::sum);
	}

	private static long count(Statement statement, String table) throws SQLException {
		try (ResultSet rs = statement.executeQuery("select count(*) from " + table)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
