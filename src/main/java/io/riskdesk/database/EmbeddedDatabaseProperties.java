package io.riskdesk.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The PostgreSQL server Riskdesk starts itself when no {@code spring.datasource.url} is set.
 *
 * @param dataDirectory where the cluster lives; kept across restarts. Empty: a temporary
 * directory removed on shutdown (what the tests use).
 * @param port TCP port on localhost; 0 picks a free one.
 */
@ConfigurationProperties("riskdesk.embedded-database")
public record EmbeddedDatabaseProperties(String dataDirectory, int port) {
}
