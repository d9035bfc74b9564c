package io.riskdesk.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.StringUtils;

/**
 * Zero set-up database: without {@code spring.datasource.url} the application runs its own
 * PostgreSQL from Maven Central binaries. With a URL this configuration does not exist and
 * Spring Boot's DataSource auto-configuration connects to that server instead.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseMode.Condition.class)
class EmbeddedDatabaseConfiguration {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

	@Bean(destroyMethod = "close")
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties, Environment environment, JsonMapper json)
			throws IOException {
		boolean temporary = !StringUtils.hasText(properties.dataDirectory());
		Path directory = temporary ? Files.createTempDirectory("riskdesk-postgres")
				: Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
		boolean empty = !Files.exists(directory.resolve("postgresql.conf"));
		if (properties.restoreFrom() != null && !empty) {
			throw new IllegalStateException("riskdesk.embedded-database.restore-from is set, but " + directory
					+ " already holds a database. Restore only into a new data directory, then start without the setting.");
		}
		if (!empty) {
			LeftoverServer.stopIfRunning(directory, properties.startupTimeout());
		}
		log.info("Starting embedded PostgreSQL with data in {}", temporary ? "a temporary directory" : directory);
		EmbeddedPostgres postgres = builder(properties).setDataDirectory(directory)
			.setCleanDataDirectory(temporary)
			.start();
		log.info("Embedded PostgreSQL is up: {} ({})", postgres.getJdbcUrl("postgres", "postgres"),
				properties.durable() ? "durable: fsync and synchronous_commit on"
						: "NOT durable: fsync off, a crash may lose committed data");
		if (properties.restoreFrom() != null) {
			try {
				DatabaseBackups.restore(postgres.getPostgresDatabase(), properties.restoreFrom().toAbsolutePath(),
						Binder.get(environment)
							.bind("spring.flyway.locations", Bindable.listOf(String.class))
							.orElse(List.of("classpath:db/migration")),
						json);
			}
			catch (RuntimeException ex) {
				// All or nothing: a half-restored directory must not start later as if it were the backup.
				postgres.close();
				FileSystemUtils.deleteRecursively(directory);
				throw ex;
			}
		}
		return postgres;
	}

	/**
	 * The library's defaults are for throw-away test databases (fsync and synchronous_commit off):
	 * a killed backend or a crash then loses transactions that were already acknowledged.
	 */
	static EmbeddedPostgres.Builder builder(EmbeddedDatabaseProperties properties) {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setPort(properties.port())
			.setPGStartupWait(properties.startupTimeout());
		if (properties.durable()) {
			builder.setServerConfig("fsync", "on")
				.setServerConfig("synchronous_commit", "on")
				.setServerConfig("full_page_writes", "on");
		}
		return builder;
	}

	@Bean(destroyMethod = "close")
	DataSource dataSource(EmbeddedPostgres postgres) {
		HikariDataSource dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		dataSource.setPoolName("riskdesk-embedded");
		return dataSource;
	}

}
