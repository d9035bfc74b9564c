package io.riskdesk.database;

import java.nio.file.Files;
import java.nio.file.Path;

import io.riskdesk.RiskdeskApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The zero set-up database is durable, keeps its data across restarts and is stopped with the application. */
class EmbeddedDatabaseRestartTest {

	@Test
	void dataSurvivesARestart(@TempDir Path dataDirectory) {
		try (ConfigurableApplicationContext app = start(dataDirectory)) {
			assertThat(app.getBeansOfType(EmbeddedPostgres.class)).hasSize(1);
			assertThat(app.getBean(JdbcClient.class).sql("show fsync").query(String.class).single())
				.as("durable by default").isEqualTo("on");
			app.getBean(JdbcClient.class)
				.sql("insert into person (name, email, version) values ('Kept Across Restarts', 'kept@test.example', 0)")
				.update();
		}
		assertThat(Files.exists(dataDirectory.resolve("postmaster.pid"))).as("server stopped on shutdown").isFalse();

		try (ConfigurableApplicationContext app = start(dataDirectory)) {
			assertThat(app.getBean(JdbcClient.class)
				.sql("select name from person where email = 'kept@test.example'")
				.query(String.class)
				.single()).isEqualTo("Kept Across Restarts");
		}
	}

	private static ConfigurableApplicationContext start(Path dataDirectory) {
		return new SpringApplicationBuilder(RiskdeskApplication.class)
			.run("--server.port=0", "--riskdesk.embedded-database.data-directory=" + dataDirectory, "--riskdesk.demo.enabled=false");
	}

}
