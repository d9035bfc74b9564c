package io.riskdesk.demo.dataset;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

/**
 * Fills a Riskdesk database with a generated data set (bench/generate-dataset.sh runs it; see
 * docs/operations.md, "Large data set"). With {@code --jdbc-url} it writes into that database; without,
 * into the embedded PostgreSQL data directory the app uses ({@code --data-dir}, default
 * {@code ./data/postgres}), which it starts for the load and stops again: the app must not be running on
 * it. Either way the app's Flyway migrations are applied first, so a new database or directory works.
 */
public final class DatasetCommand {

	private static final List<String> OPTIONS = List.of("--seed", "--accounts", "--risks", "--as-of", "--jdbc-url",
			"--user", "--password", "--data-dir");

	private static final String USAGE = "Usage: generate-dataset.sh [--seed 42] [--accounts 10000] [--risks 100000]"
			+ " [--as-of YYYY-MM-DD (default today, UTC)] [--jdbc-url URL --user U --password P | --data-dir ./data/postgres]"
			+ " [--replace]";

	private DatasetCommand() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		boolean replace = false;
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--replace")) {
				replace = true;
				continue;
			}
			if (!OPTIONS.contains(args[i]) || i + 1 == args.length) {
				fail((OPTIONS.contains(args[i]) ? "No value for " : "Unknown option ") + args[i]);
			}
			options.put(args[i], args[++i]);
		}
		DatasetSpec spec = null;
		try {
			spec = new DatasetSpec(Long.parseLong(options.getOrDefault("--seed", "42")),
					Integer.parseInt(options.getOrDefault("--accounts", "10000")),
					Integer.parseInt(options.getOrDefault("--risks", "100000")),
					LocalDate.parse(options.getOrDefault("--as-of", LocalDate.now(ZoneOffset.UTC).toString())));
		}
		catch (RuntimeException ex) {
			fail(ex.getMessage());
		}
		String url = options.get("--jdbc-url");
		if (url != null) {
			try (Connection connection = DriverManager.getConnection(url, options.get("--user"), options.get("--password"))) {
				migrate(url, options.get("--user"), options.get("--password"));
				run(spec, connection, replace, url);
			}
			return;
		}
		Path directory = Path.of(options.getOrDefault("--data-dir", "data/postgres")).toAbsolutePath().normalize();
		if (Files.exists(directory.resolve("postmaster.pid"))) {
			fail(directory + " is in use (postmaster.pid): stop Riskdesk, or point --jdbc-url at its database");
		}
		// Not durable while loading (the library's defaults: a clean shutdown writes everything out), and no WAL
		// for tables truncated in the loading transaction. The app starts it again with its own settings.
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(directory)
			.setCleanDataDirectory(false)
			.setServerConfig("wal_level", "minimal")
			.setServerConfig("max_wal_senders", "0")
			.setServerConfig("max_wal_size", "4GB")
			.start()) {
			String embedded = postgres.getJdbcUrl("postgres", "postgres");
			migrate(embedded, "postgres", null);
			try (Connection connection = DriverManager.getConnection(embedded, "postgres", null)) {
				run(spec, connection, replace, directory.toString());
			}
		}
	}

	private static void run(DatasetSpec spec, Connection connection, boolean replace, String target) throws Exception {
		long started = System.nanoTime();
		DatasetLoader.Report report;
		try {
			report = DatasetLoader.load(connection, new DatasetGenerator(spec), replace);
		}
		catch (DatasetLoader.NotEmptyException ex) {
			fail(ex.getMessage());
			return;
		}
		double seconds = (System.nanoTime() - started) / 1e9;
		System.out.printf("Data set of seed %d as of %s: %,d accounts, %,d risks, into %s%n", spec.seed(), spec.asOf(),
				spec.accounts(), spec.risks(), target);
		System.out.printf("  %-22s %12s %9s%n", "table", "rows", "COPY s");
		report.rows().forEach((table, rows) -> System.out.printf("  %-22s %,12d %9.2f%n", table.table(), rows,
				report.copySeconds().get(table)));
		try (var statement = connection.createStatement();
				var status = statement.executeQuery("select status, count(*) from risk group by status order by status")) {
			StringBuilder line = new StringBuilder("Risks by status:");
			while (status.next()) {
				line.append(String.format(" %s %,d", status.getString(1), status.getLong(2)));
			}
			System.out.println(line);
		}
		System.out.printf("Loaded %,d rows in %.1f s (%,.0f rows/s): COPY %.1f s, waiting for generated rows %.1f s,"
				+ " indexes and foreign keys %.1f s, ANALYZE %.1f s%n", report.totalRows(), seconds,
				report.totalRows() / seconds, report.copySeconds().values().stream().mapToDouble(Double::doubleValue).sum(),
				report.generateSeconds(), report.rebuildSeconds(), report.analyzeSeconds());
	}

	private static void migrate(String url, String user, String password) {
		Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").load().migrate();
	}

	private static void fail(String message) {
		System.err.println(message);
		System.err.println(USAGE);
		System.exit(2);
	}

}
