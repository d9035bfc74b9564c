package io.riskdesk.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.notification.ResendApiTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The operations figures on /actuator/prometheus follow the database: a risk opened, a clock
 * breached, a message that failed show in the next scrape (the test profile caches them for 0 s;
 * ShortLivedCacheTest covers the cache). Not transactional: the figures read committed rows.
 */
@RiskdeskTest
class OperationsMetricsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void onlyAdminsReadTheFigures() throws Exception {
		mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
		mvc.perform(as("alex", get("/actuator/prometheus"))).andExpect(status().isForbidden());
		mvc.perform(as("admin", get("/actuator/prometheus"))).andExpect(status().isOk());
	}

	@Test
	void aRiskOpenedCountsInItsSeverity() throws Exception {
		double before = figure("riskdesk_risks_open", Map.of("severity", "S1"));
		risk(account(), "S1", clock.instant());
		assertThat(figure("riskdesk_risks_open", Map.of("severity", "S1"))).isGreaterThanOrEqualTo(before + 1);
	}

	@Test
	void aBreachedClockCountsAsABreachAndOnItsRisk() throws Exception {
		double breaches = figure("riskdesk_sla_breaches_total", Map.of("kind", "FIRST_RESPONSE"));
		double breachedS0 = figure("riskdesk_risks_sla", Map.of("severity", "S0", "status", "BREACHED"));
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long owner = fixtures.person("Bree Breach");
		String key = risk(fixtures.newYorkAccount("Breach Bakery", owner), "S2", clock.instant());
		// Three hours later it becomes S0: its first response (2 h from detection) is overdue at once.
		clock.advance(Duration.ofHours(3));
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key)).content("{\"severity\": \"S0\", \"reason\": \"Outage\"}"))
			.andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/risks/{key}/clocks", key)))
			.andExpect(jsonPath("$[?(@.kind == 'FIRST_RESPONSE')].state").value("BREACHED"));
		assertThat(figure("riskdesk_sla_breaches_total", Map.of("kind", "FIRST_RESPONSE"))).isGreaterThanOrEqualTo(breaches + 1);
		assertThat(figure("riskdesk_risks_sla", Map.of("severity", "S0", "status", "BREACHED")))
			.isGreaterThanOrEqualTo(breachedS0 + 1);
	}

	@Test
	void aFailedMessageCountsAsFailedAndAQueuedOneAsBacklog() throws Exception {
		double failed = figure("riskdesk_notifications_failed", Map.of());
		double backlog = figure("riskdesk_notifications_backlog", Map.of());
		ApiFixtures fixtures = new ApiFixtures(mvc);
		String key = fixtures.risk(account(), "Renewal at risk");
		ResendApiTest.failedMessage(jdbc, clock, key, "Dana Fox");
		long queued = ResendApiTest.failedMessage(jdbc, clock, key, "Dana Fox");
		jdbc.sql("update notification set status = 'PENDING', created_at = :at where id = :id")
			.param("at", Timestamp.from(clock.instant().minus(Duration.ofDays(400))))
			.param("id", queued)
			.update();
		try {
			assertThat(figure("riskdesk_notifications_failed", Map.of())).isGreaterThanOrEqualTo(failed + 1);
			assertThat(figure("riskdesk_notifications_backlog", Map.of())).isGreaterThanOrEqualTo(backlog + 1);
			// The oldest queued message is the one of 400 days ago.
			assertThat(figure("riskdesk_notifications_backlog_age_seconds", Map.of()))
				.isGreaterThanOrEqualTo(Duration.ofDays(400).toSeconds());
		}
		finally {
			jdbc.sql("delete from notification where id = :id").param("id", queued).update();
		}
	}

	@Test
	void detectionLagIsTheTimeSinceTheScheduledPassLastEndedWell() throws Exception {
		// The test context runs no scheduled pass: its row as a node leaves it, 90 s ago, next run far ahead.
		jdbc.sql("""
				insert into scheduled_tasks (task_name, task_instance, execution_time, picked, last_success, version)
				values ('signal-detection', 'recurring', :next, false, :last, 1)""")
			.param("next", Timestamp.from(clock.instant().plus(Duration.ofDays(3650))))
			.param("last", Timestamp.from(clock.instant().minusSeconds(90)))
			.update();
		try {
			assertThat(figure("riskdesk_detection_lag_seconds", Map.of())).isBetween(90.0, 90.0 + 60);
		}
		finally {
			jdbc.sql("delete from scheduled_tasks where task_name = 'signal-detection'").update();
		}
	}

	@Test
	void requestLatencyIsAHistogram() throws Exception {
		mvc.perform(asAlex(get("/api/risks")).param("size", "1")).andExpect(status().isOk());
		assertThat(metricNames(scrape())).contains("http_server_requests_seconds_bucket",
				"http_server_requests_seconds_count");
	}

	@Test
	void everyMetricTheGrafanaDashboardQueriesIsExposed() throws Exception {
		mvc.perform(asAlex(get("/api/risks")).param("size", "1")).andExpect(status().isOk());
		Set<String> queried = new TreeSet<>();
		for (String expr : JsonPath.<Iterable<String>>read(Files.readString(Path.of("docs/grafana/riskdesk.json")),
				"$.panels[*].targets[*].expr")) {
			Matcher metric = Pattern.compile("\\b(riskdesk_[a-z_]+|http_server_requests_[a-z_]+)").matcher(expr);
			while (metric.find()) {
				queried.add(metric.group(1));
			}
		}
		assertThat(queried).hasSizeGreaterThanOrEqualTo(10);
		assertThat(metricNames(scrape())).containsAll(queried);
	}

	private long account() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		return fixtures.account("Metrics Mills", fixtures.person("Mel Metrics"));
	}

	private String risk(long account, String severity, Instant detectedAt) throws Exception {
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Checkout API errors", "category": "SUPPORT", "severity": "%s",
				 "detectedAt": "%s"}""".formatted(account, severity, detectedAt)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.key");
	}

	private String scrape() throws Exception {
		return mvc.perform(as("admin", get("/actuator/prometheus")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? (\\S+)");

	private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"([^\"]*)\"");

	/** The value of the one sample of this metric that has these labels (and any others). */
	private double figure(String name, Map<String, String> labels) throws Exception {
		Double found = null;
		for (String line : scrape().split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (!sample.find() || !sample.group(1).equals(name)) {
				continue;
			}
			Map<String, String> has = new java.util.HashMap<>();
			Matcher label = LABEL.matcher(sample.group(3) == null ? "" : sample.group(3));
			while (label.find()) {
				has.put(label.group(1), label.group(2));
			}
			if (has.entrySet().containsAll(labels.entrySet())) {
				assertThat(found).as("one sample of %s%s", name, labels).isNull();
				found = Double.parseDouble(sample.group(4));
			}
		}
		assertThat(found).as("a sample of %s%s", name, labels).isNotNull();
		return found;
	}

	private static Set<String> metricNames(String scrape) throws IOException {
		Set<String> names = new TreeSet<>();
		for (String line : scrape.split("\n")) {
			Matcher sample = SAMPLE.matcher(line);
			if (sample.find()) {
				names.add(sample.group(1));
			}
		}
		return names;
	}

}
