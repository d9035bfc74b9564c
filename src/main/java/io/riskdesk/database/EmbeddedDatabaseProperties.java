package io.riskdesk.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The PostgreSQL server Riskdesk starts itself when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster lives; kept across restarts. Empty: a temporary
 * directory removed on shutdown (what the tests use).
 * @param port TCP port on localhost; 0 picks a free one.
 * @param durable {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on, as on
 * any production PostgreSQL. Only the test configuration turns it off, for speed.
 * @param startupTimeout how long to wait for the server, crash recovery included.
 * @param restoreFrom a backup (see {@link DatabaseBackups}) to load into a new, empty data directory
 * at start-up; refused when the directory already holds a database.
 */
@ConfigurationProperties("riskdesk.embedded-database")
public record EmbeddedDatabaseProperties(String dataDirectory, int port, @DefaultValue("true") boolean durable,
		@DefaultValue("60s") Duration startupTimeout, Path restoreFrom) {
}
