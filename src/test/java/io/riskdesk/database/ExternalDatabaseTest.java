package io.riskdesk.database;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.riskdesk.RiskdeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Production mode: given {@code spring.datasource.url}, Riskdesk uses that server, migrates it,
 * starts no PostgreSQL of its own and loads no demo data.
 */
class ExternalDatabaseTest {

	@Test
	void runsAgainstTheServerItIsGivenAndStartsNothingEmbedded() throws Exception {
		try (EmbeddedPostgres server = EmbeddedPostgres.builder().start()) {
			String url = server.getJdbcUrl("postgres", "postgres");
			try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RiskdeskApplication.class)
								.run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=")) {
				assertThat(app.getBeansOfType(EmbeddedPostgres.class)).isEmpty();
				JdbcClient jdbc = app.getBean(JdbcClient.class);
				assertThat(jdbc.sql("select inet_server_port()").query(Integer.class).single()).isEqualTo(server.getPort());
				assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
					.isEqualTo(migrations().size());
				assertThat(jdbc.sql("select version from flyway_schema_history where success order by installed_rank")
					.query(String.class)
					.list()).isEqualTo(migrations());
				assertThat(jdbc.sql("select count(*) from account").query(Integer.class).single()).isZero();
				assertThat(jdbc.sql("select count(*) from app_user").query(Integer.class).single()).isZero();
			}
		}
	}

	/** The versions of the migrations the application ships, in order: every one must have run. */
	private static List<String> migrations() throws IOException {
		Pattern versioned = Pattern.compile("V(\\d+)__.*\\.sql");
		List<String> versions = new ArrayList<>();
		for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql")) {
			Matcher name = versioned.matcher(script.getFilename());
			assertThat(name.matches()).as(script.getFilename()).isTrue();
			versions.add(name.group(1));
		}
		versions.sort(Comparator.comparingInt(Integer::parseInt));
		assertThat(versions).isNotEmpty();
		return versions;
	}

}
