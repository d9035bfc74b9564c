package io.riskdesk.bench;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import com.zaxxer.hikari.HikariDataSource;
import io.riskdesk.demo.portfolio.PortfolioGenerator;
import io.riskdesk.demo.portfolio.PortfolioLoader;
import io.riskdesk.demo.portfolio.PortfolioSpec;
import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.internal.PlaybookLoader;
import io.riskdesk.signal.DetectionRules;
import io.riskdesk.signal.Finding;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.flywaydb.core.Flyway;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * What the detection benchmarks run on: a fresh embedded PostgreSQL in a temporary directory (the
 * app's default server settings), migrated by the app's Flyway scripts, with a generated portfolio
 * loaded by {@link PortfolioLoader}; and {@link DetectionRules} as the app builds it, in a Spring
 * context of just what it needs (its transactions included), with the playbook's detection policy.
 */
final class DetectionDatabase implements AutoCloseable {

	private final EmbeddedPostgres postgres;

	private final HikariDataSource dataSource;

	private final AnnotationConfigApplicationContext context;

	private final DetectionRules rules;

	private final DetectionPolicy policy;

	private final PortfolioGenerator generator;

	private DetectionDatabase(PortfolioSpec spec) throws IOException, SQLException {
		postgres = EmbeddedPostgres.builder().start();
		dataSource = new HikariDataSource();
		dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
		dataSource.setUsername("postgres");
		Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
		generator = new PortfolioGenerator(spec);
		long startedAt = System.nanoTime();
		Map<String, Long> rows;
		try (Connection connection = dataSource.getConnection()) {
			rows = PortfolioLoader.load(connection, generator);
		}
		System.out.printf("Portfolio of seed %d: %,d accounts x %d days to %s loaded in %.1f s (%,d usage rows, %,d tickets)%n",
				spec.seed(), spec.accounts(), spec.days(), spec.end(), seconds(startedAt), rows.get("telemetry_usage"),
				rows.get("telemetry_ticket"));
		context = new AnnotationConfigApplicationContext();
		context.registerBean(JdbcClient.class, () -> JdbcClient.create(dataSource));
		context.registerBean(JsonMapper.class, () -> JsonMapper.builder().build());
		context.registerBean(PlatformTransactionManager.class, () -> new DataSourceTransactionManager(dataSource));
		context.register(Transactions.class);
		context.registerBean(DetectionRules.class);
		context.refresh();
		rules = context.getBean(DetectionRules.class);
		try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
			policy = new PlaybookLoader(validation.getValidator()).load(new ClassPathResource("playbook.yml")).detection();
		}
	}

	static DetectionDatabase start(PortfolioSpec spec) throws IOException, SQLException {
		// Without Spring Boot's logging set-up logback logs everything; the figures are what counts here.
		((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
		return new DetectionDatabase(spec);
	}

	/** Every account's findings as of {@code asOf}: a full pass of the playbook's rules, as the app runs it. */
	List<Finding> findings(LocalDate asOf) {
		return rules.findings(policy, asOf);
	}

	JdbcClient jdbc() {
		return context.getBean(JdbcClient.class);
	}

	PortfolioGenerator generator() {
		return generator;
	}

	static double seconds(long startedAt) {
		return (System.nanoTime() - startedAt) / 1e9;
	}

	@Override
	public void close() throws IOException {
		context.close();
		dataSource.close();
		postgres.close();
	}

	/** DetectionRules' {@code @Transactional} (read only, repeatable read) as in the app. */
	@Configuration(proxyBeanMethods = false)
	@EnableTransactionManagement
	static class Transactions {
	}

}
