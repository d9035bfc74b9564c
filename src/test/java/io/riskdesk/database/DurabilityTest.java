package io.riskdesk.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a killed PostgreSQL process (the OOM killer, kill -9) does to the embedded server the
 * application starts: every write it acknowledged is still there afterwards.
 */
class DurabilityTest {

	private static final Duration BURST = Duration.ofSeconds(4);

	private static final Duration KILL_AFTER = Duration.ofMillis(1500);

	@Test
	void theApplicationsServerSyncsEveryCommit(@TempDir Path data) throws IOException {
		try (EmbeddedPostgres postgres = start(data)) {
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
				assertThat(jdbc.sql("show " + setting).query(String.class).single()).as(setting).isEqualTo("on");
			}
		}
	}

	@Test
	void noAcknowledgedWriteIsLostWhenABackendIsKilled(@TempDir Path data) throws Exception {
		try (EmbeddedPostgres postgres = start(data)) {
			Set<Long> acknowledged = burstOfWrites(postgres, () -> kill(writerBackend(postgres)));
			assertThat(lost(acknowledged, postgres)).as("acknowledged writes lost").isEmpty();
			assertThat(acknowledged).as("writes acknowledged before and after the crash").hasSizeGreaterThan(50);
		}
	}

	@Test
	void noAcknowledgedWriteIsLostWhenThePostmasterIsKilled(@TempDir Path data) throws Exception {
		Set<Long> acknowledged;
		try (EmbeddedPostgres postgres = start(data)) {
			acknowledged = burstOfWrites(postgres, () -> kill(postmaster(data)));
		}
		try (EmbeddedPostgres restarted = start(data)) {
			assertThat(lost(acknowledged, restarted)).as("acknowledged writes lost").isEmpty();
			assertThat(acknowledged).as("writes acknowledged before the crash").hasSizeGreaterThan(20);
		}
	}

	/** The application's own start-up path, with the application's defaults (durable). */
	static EmbeddedPostgres start(Path data) throws IOException {
		return start(data, true, null);
	}

	/** The application's own start-up path: durable or not, restoring a backup or not. */
	static EmbeddedPostgres start(Path data, boolean durable, Path restoreFrom) throws IOException {
		EmbeddedDatabaseProperties properties = new EmbeddedDatabaseProperties(data.toString(), 0, durable,
				Duration.ofSeconds(60), restoreFrom);
		return new EmbeddedDatabaseConfiguration().embeddedPostgres(properties, new StandardEnvironment(),
				JsonMapper.shared());
	}

	/**
	 * Four clients insert rows as fast as they can, reconnecting after errors; halfway through the
	 * crash happens. Returns the ids whose insert was acknowledged (autocommit: acknowledged = committed).
	 */
	private static Set<Long> burstOfWrites(EmbeddedPostgres postgres, Runnable crash) throws Exception {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		JdbcClient.create(postgres.getPostgresDatabase()).sql("create table acknowledged (id bigint primary key)").update();
		Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
		AtomicLong ids = new AtomicLong();
		long end = System.nanoTime() + BURST.toNanos();
		ExecutorService writers = Executors.newFixedThreadPool(4);
		for (int i = 0; i < 4; i++) {
			writers.submit(() -> {
				while (System.nanoTime() < end) {
					try (Connection connection = DriverManager.getConnection(url);
							PreparedStatement insert = connection.prepareStatement("insert into acknowledged values (?)")) {
						while (System.nanoTime() < end) {
							long id = ids.incrementAndGet();
							insert.setLong(1, id);
							insert.executeUpdate();
							acknowledged.add(id);
						}
					}
					catch (SQLException ex) {
						pause(); // the server is restarting after the crash, or gone
					}
				}
				return null;
			});
		}
		Thread.sleep(KILL_AFTER.toMillis());
		crash.run();
		writers.shutdown();
		assertThat(writers.awaitTermination(2 * BURST.toSeconds(), TimeUnit.SECONDS)).isTrue();
		return acknowledged;
	}

	private static Set<Long> lost(Set<Long> acknowledged, EmbeddedPostgres postgres) throws SQLException {
		Set<Long> lost = new TreeSet<>(acknowledged);
		lost.removeAll(stored(postgres));
		return lost;
	}

	private static Set<Long> stored(EmbeddedPostgres postgres) throws SQLException {
		String url = postgres.getJdbcUrl("postgres", "postgres");
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
				Set<Long> ids = new HashSet<>();
				var rows = statement.executeQuery("select id from acknowledged");
				while (rows.next()) {
					ids.add(rows.getLong(1));
				}
				return ids;
			}
			catch (SQLException ex) {
				if (System.nanoTime() > deadline) {
					throw ex;
				}
				pause(); // crash recovery still running
			}
		}
	}

	private static long writerBackend(EmbeddedPostgres postgres) {
		return JdbcClient.create(postgres.getPostgresDatabase())
			.sql("""
					select pid from pg_stat_activity
					where backend_type = 'client backend' and query like 'insert into acknowledged%' limit 1""")
			.query(Long.class)
			.single();
	}

	private static long postmaster(Path data) {
		try {
			return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** SIGKILL, as the OOM killer sends it. */
	private static void kill(long pid) {
		ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
		assertThat(process.destroyForcibly()).isTrue();
		process.onExit().join();
	}

	private static void pause() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
