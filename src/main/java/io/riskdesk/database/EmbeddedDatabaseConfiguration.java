package io.riskdesk.database;

import java.io.IOException;
import java.nio.file.Path;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
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
	EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) throws IOException {
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPort(properties.port());
		if (StringUtils.hasText(properties.dataDirectory())) {
			Path directory = Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
			builder.setDataDirectory(directory).setCleanDataDirectory(false);
			log.info("Starting embedded PostgreSQL with data in {}", directory);
		}
		EmbeddedPostgres postgres = builder.start();
		log.info("Embedded PostgreSQL is up: {}", postgres.getJdbcUrl("postgres", "postgres"));
		return postgres;
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
