import java.io.BufferedWriter;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

import org.postgresql.PGConnection;

/**
 * Usage rows per second through POST /api/telemetry/usage of a running Riskdesk, beside raw
 * PostgreSQL on the same database: java -cp postgresql.jar TelemetryLoad.java BASE_URL JDBC_URL ROWS CREDENTIALS.
 * The file names 250 new accounts (created through the API, "Bench telemetry RUN NNN") by name,
 * up to 2,000 days back each, so the intake inserts every row; then the same file again (every
 * row unchanged). The baselines load the same file with COPY into a plain table of its columns
 * (no checks, no accounts, no key), and then move those rows into a table keyed and referencing
 * account as telemetry_usage is (insert ... select joining account by name).
 */
public class TelemetryLoad {

	static final int ACCOUNTS = 250;

	public static void main(String[] args) throws Exception {
		String base = args[0];
		String jdbcUrl = args[1];
		int rows = Integer.parseInt(args[2]);
		String authorization = "Basic " + Base64.getEncoder().encodeToString(args[3].getBytes(StandardCharsets.UTF_8));
		String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		for (int a = 1; a <= ACCOUNTS; a++) {
			createAccount(http, base, authorization, run, a);
		}
		// The warm-up's days lie before the measured file's, so they insert nothing the measured run then finds.
		Path warmUp = write(Files.createTempFile("telemetry-warm-up", ".csv"), run, 20_000, rows / ACCOUNTS + 1);
		Path file = write(Files.createTempFile("telemetry-usage", ".csv"), run, rows, 0);
		try {
			post(http, base, authorization, warmUp); // the intake's code compiled, its partitions made, before the measured runs
			long start = System.nanoTime();
			String inserted = post(http, base, authorization, file);
			double intake = rows / seconds(start);
			start = System.nanoTime();
			String unchanged = post(http, base, authorization, file);
			double again = rows / seconds(start);

			double copy;
			double keyed;
			try (Connection db = DriverManager.getConnection(jdbcUrl)) {
				db.createStatement().execute("drop table if exists bench_raw_usage, bench_keyed_usage");
				db.createStatement().execute(
						"create table bench_raw_usage (account text, day date, active_users int, wau int, mau int)");
				db.createStatement().execute("""
						create table bench_keyed_usage (account_id bigint not null references account, day date not null,
						    active_users int not null, wau int not null, mau int not null, primary key (account_id, day))""");
				try (Reader reader = Files.newBufferedReader(file)) {
					start = System.nanoTime();
					db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy bench_raw_usage from stdin (format csv, header)", reader);
					copy = rows / seconds(start);
					db.createStatement().execute("""
							insert into bench_keyed_usage select a.id, r.day, r.active_users, r.wau, r.mau
							from bench_raw_usage r join account a on lower(a.name) = lower(r.account)""");
					keyed = rows / (seconds(start));
				}
				db.createStatement().execute("drop table bench_raw_usage, bench_keyed_usage");
			}
			System.out.printf("%,d usage rows, %.1f MB%n  first: %s%n  again: %s%n", rows, Files.size(file) / 1e6, inserted,
					unchanged);
			System.out.printf("%-62s %10s %7s%n", "", "rows/s", "ratio");
			System.out.printf("%-62s %,10.0f %7.2f%n", "raw COPY of the file into a plain table (baseline)", copy, 1.0);
			System.out.printf("%-62s %,10.0f %7.2f%n", "raw COPY, then insert...select into a keyed table with FK", keyed,
					keyed / copy);
			System.out.printf("%-62s %,10.0f %7.2f%n", "POST /api/telemetry/usage, text/csv over HTTP: new rows", intake,
					intake / copy);
			System.out.printf("%-62s %,10.0f %7.2f%n", "POST /api/telemetry/usage, the same file again: unchanged", again,
					again / copy);
		}
		finally {
			Files.delete(warmUp);
			Files.delete(file);
		}
	}

	private static void createAccount(HttpClient http, String base, String authorization, String run, int n)
			throws Exception {
		String body = """
				{"name": "Bench telemetry %s %03d", "segment": "SMB", "country": "US", "timeZone": "UTC"}""".formatted(run, n);
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/accounts"))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 201) {
			throw new IllegalStateException("Creating an account answered " + answer.statusCode() + ": " + answer.body());
		}
	}

	/** Rows spread over the accounts, one day after the other from {@code daysBack} + 1 days ago. */
	private static Path write(Path file, String run, int rows, int daysBack) throws Exception {
		LocalDate last = LocalDate.now(ZoneOffset.UTC).minusDays(1 + daysBack);
		try (BufferedWriter out = Files.newBufferedWriter(file)) {
			out.write("account,day,active_users,wau,mau\n");
			for (int i = 0; i < rows; i++) {
				int active = i * 7 % 500;
				out.write("Bench telemetry %s %03d,%s,%d,%d,%d\n".formatted(run, i % ACCOUNTS + 1, last.minusDays(i / ACCOUNTS),
						active, active * 3, active * 9));
			}
		}
		return file;
	}

	private static String post(HttpClient http, String base, String authorization, Path file) throws Exception {
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(base + "/api/telemetry/usage"))
			.header("Authorization", authorization)
			.header("Content-Type", "text/csv")
			.POST(HttpRequest.BodyPublishers.ofFile(file))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("The intake answered " + answer.statusCode() + ": " + answer.body());
		}
		return answer.body().replaceAll(",\"accounts\":\\[[^]]*]", "");
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

}
