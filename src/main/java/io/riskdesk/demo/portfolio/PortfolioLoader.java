package io.riskdesk.demo.portfolio;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Loads a generated portfolio straight into Riskdesk's tables (the schema of the connection's search
 * path, migrated, without these accounts) through COPY, for benchmarks: the accounts, then the
 * telemetry of each, named by the account ids the database gave them. One transaction: all or nothing.
 */
public final class PortfolioLoader {

	/** The telemetry files and their tables; a table's columns are the file's, {@code account_id} for {@code account}. */
	private static final Map<PortfolioFile, String> TELEMETRY_TABLES = tables();

	private PortfolioLoader() {
	}

	private static Map<PortfolioFile, String> tables() {
		Map<PortfolioFile, String> tables = new LinkedHashMap<>();
		tables.put(PortfolioFile.USAGE, "telemetry_usage");
		tables.put(PortfolioFile.FEATURE_USAGE, "telemetry_feature_usage");
		tables.put(PortfolioFile.TICKETS, "telemetry_ticket");
		tables.put(PortfolioFile.INVOICES, "telemetry_invoice");
		tables.put(PortfolioFile.SURVEYS, "telemetry_survey");
		tables.put(PortfolioFile.EVENTS, "telemetry_event");
		return tables;
	}

	/** Loads the portfolio and returns the rows loaded into each table, by table name. */
	public static Map<String, Long> load(Connection connection, PortfolioGenerator generator)
			throws SQLException, IOException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			Map<String, Long> rows = load(generator, connection);
			connection.commit();
			return rows;
		}
		catch (SQLException | IOException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	private static Map<String, Long> load(PortfolioGenerator generator, Connection connection)
			throws SQLException, IOException {
		PortfolioSpec spec = generator.spec();
		Map<String, Long> rows = new LinkedHashMap<>();
		try (Statement statement = connection.createStatement()) {
			for (LocalDate month = spec.first().withDayOfMonth(1); !month.isAfter(spec.end()); month = month.plusMonths(1)) {
				statement.execute(String.format(
						"create table if not exists telemetry_usage_y%dm%02d partition of telemetry_usage"
								+ " for values from ('%s') to ('%s')",
						month.getYear(), month.getMonthValue(), month, month.plusMonths(1)));
			}
		}
		// Created and last updated as the period starts: the accounts were there before their telemetry.
		Instant created = spec.first().atStartOfDay(ZoneOffset.UTC).toInstant();
		List<String> accountColumns = new ArrayList<>(PortfolioFile.ACCOUNTS.header());
		accountColumns.addAll(List.of("created_at", "updated_at", "version"));
		rows.put("account", copy(connection, "account", accountColumns, generator.accounts(), account -> {
			Object[] values = account.values();
			Object[] withAudit = Arrays.copyOf(values, values.length + 3);
			withAudit[values.length] = created;
			withAudit[values.length + 1] = created;
			withAudit[values.length + 2] = 0;
			return withAudit;
		}));
		Map<String, Long> ids = accountIds(connection);
		for (Map.Entry<PortfolioFile, String> table : TELEMETRY_TABLES.entrySet()) {
			List<String> columns = new ArrayList<>(table.getKey().header());
			columns.set(0, "account_id");
			rows.put(table.getValue(), copy(connection, table.getValue(), columns, table.getKey().rows(generator), row -> {
				Object[] values = row.values();
				values[0] = ids.get((String) values[0]);
				return values;
			}));
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute("analyze account, " + String.join(", ", TELEMETRY_TABLES.values()));
		}
		return rows;
	}

	/**
	 * COPYs rows into {@code table}: the values each row gives, in the order of {@code columns}, as CSV
	 * (null as an empty field). Returns how many rows it wrote.
	 */
	public static <T> long copy(Connection connection, String table, List<String> columns, Stream<T> rows,
			Function<T, Object[]> values) throws SQLException, IOException {
		String sql = "copy " + table + " (" + String.join(", ", columns) + ") from stdin (format csv)";
		PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class), sql, 1 << 16);
		// Closing the writer ends the COPY.
		return PortfolioFiles.write(rows, columns, false, values,
				new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), 1 << 16));
	}

	private static Map<String, Long> accountIds(Connection connection) throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select external_id, id from account where external_id is not null")) {
			while (rows.next()) {
				ids.put(rows.getString(1), rows.getLong(2));
			}
		}
		return ids;
	}

}
