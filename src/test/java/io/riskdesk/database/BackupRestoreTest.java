package io.riskdesk.database;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static io.riskdesk.ApiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A backup taken through the admin API restores into a new data directory with every row. */
@RiskdeskTest
class BackupRestoreTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	BackupProperties backupProperties;

	@TempDir
	Path restored;

	@Test
	void aBackupRestoresIntoAFreshDataDirectory() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long csm = fixtures.person("Backed Up");
		String key = fixtures.risk(fixtures.account("Backup Holdings", csm), "Backed-up risk");
		String description = "Tab\there, a line\nbreak, a back\\slash, \"quotes\", \\N and ünïcødé";
		jdbc.sql("update risk set description = :description where risk_key = :key")
			.param("description", description)
			.param("key", key)
			.update();
		// Usage rows live in monthly partitions the application makes at run time.
		long account = jdbc.sql("select account_id from risk where risk_key = :key").param("key", key).query(Long.class).single();
		jdbc.sql("create table if not exists telemetry_usage_y2026m03 partition of telemetry_usage"
				+ " for values from ('2026-03-01') to ('2026-04-01')").update();
		jdbc.sql("insert into telemetry_usage values (:account, date '2026-03-03', 40, 616, 900)"
				+ " on conflict do nothing").param("account", account).update();

		MvcResult created = mvc.perform(as("admin", post("/api/admin/backups")))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/admin/backups/riskdesk-")))
			.andReturn();
		String name = JsonPath.read(created.getResponse().getContentAsString(), "$.name");
		Path file = backupProperties.directory().resolve(name);
		mvc.perform(as("admin", get("/api/admin/backups"))).andExpect(jsonPath("$[*].name", org.hamcrest.Matchers.hasItem(name)));
		mvc.perform(as("admin", get("/api/admin/backups/" + name)))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", "application/zip"))
			.andExpect(result -> assertThat(result.getResponse().getContentAsByteArray()).isEqualTo(Files.readAllBytes(file)));

		try (EmbeddedPostgres server = startRestoring(restored.resolve("data"), file)) {
			JdbcClient copy = JdbcClient.create(server.getPostgresDatabase());
			assertThat(copy.sql("select description from risk where risk_key = :key").param("key", key).query(String.class).single())
				.isEqualTo(description);
			for (String table : List.of("person", "account", "risk", "timeline_entry", "sla_clock", "app_user", "scheduled_tasks")) {
				assertThat(count(copy, table)).as(table).isEqualTo(countAtBackup(file, table));
			}
			assertThat(copy.sql("select wau from telemetry_usage_y2026m03 where account_id = :account")
				.param("account", account).query(Integer.class).single()).isEqualTo(616);
			assertThat(copy.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single())
				.isEqualTo(jdbc.sql("select count(*) from flyway_schema_history where success").query(Integer.class).single());
			// The sequences were carried over: a new row takes the next free id.
			copy.sql("insert into person (name, email, version) values ('After Restore', 'after@restore.example', 0)").update();
		}
	}

	@Test
	void onlyAdministratorsTakeOrSeeBackups() throws Exception {
		mvc.perform(as("alex", post("/api/admin/backups"))).andExpect(status().isForbidden());
		mvc.perform(as("jordan", get("/api/admin/backups"))).andExpect(status().isForbidden());
		mvc.perform(as("admin", get("/api/admin/backups/..%2F..%2Fpom.xml"))).andExpect(status().is4xxClientError());
		mvc.perform(as("admin", get("/api/admin/backups/riskdesk-20000101-000000-000.zip"))).andExpect(status().isNotFound());
	}

	@Test
	void restoreRefusesADirectoryThatHoldsADatabase() throws Exception {
		Path data = restored.resolve("existing");
		try (EmbeddedPostgres server = DurabilityTest.start(data)) {
			assertThat(server.getPort()).isPositive();
		}
		assertThatThrownBy(() -> startRestoring(data, restored.resolve("any.zip")))
			.hasMessageContaining("already holds a database");
	}

	@Test
	void restoreRefusesAFileThatIsNotABackup() throws Exception {
		Path notABackup = restored.resolve("not-a-backup.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(notABackup))) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hello".getBytes());
		}
		assertThatThrownBy(() -> startRestoring(restored.resolve("data"), notABackup).close())
			.hasMessageContaining("is not a Riskdesk backup");
		assertThat(restored.resolve("data")).as("no half-restored directory left to start from").doesNotExist();
	}

	private static EmbeddedPostgres startRestoring(Path data, Path backup) throws Exception {
		return DurabilityTest.start(data, false, backup);
	}

	private static long count(JdbcClient jdbc, String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	@SuppressWarnings("unchecked")
	private static long countAtBackup(Path backup, String table) throws Exception {
		try (var zip = new java.util.zip.ZipFile(backup.toFile())) {
			Map<String, Object> manifest = JsonMapper.shared().readValue(zip.getInputStream(zip.getEntry("manifest.json")), Map.class);
			return ((List<Map<String, Object>>) manifest.get("tables")).stream()
				.filter(t -> t.get("name").equals(table))
				.mapToLong(t -> ((Number) t.get("rows")).longValue())
				.findFirst()
				.orElseThrow();
		}
	}

}
