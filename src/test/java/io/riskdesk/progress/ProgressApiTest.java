package io.riskdesk.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Progress updates and staleness through the API, on an account in New York (US holidays:
 * Thanksgiving is Thursday 2025-11-27), with the application's clock set by the test. Every instant
 * set is before real time: db-scheduler tells time by this clock and, once it polled at a later
 * instant, stops polling until the clock catches up, which would stall later tests' checks.
 */
@RiskdeskTest
class ProgressApiTest {

	/** Wednesday 2025-11-26 11:00 in New York, the day before Thanksgiving. */
	static final Instant WEDNESDAY_11AM = Instant.parse("2025-11-26T16:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	long account;

	long owner;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(WEDNESDAY_11AM);
		owner = new ApiFixtures(mvc).person("Progress Owner");
		account = new ApiFixtures(mvc).newYorkAccount("Hudson Freight", owner);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** Logs a risk and triages it now with this severity; returns its key. */
	static String triaged(MockMvc mvc, long account, long owner, String severity) throws Exception {
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Shipments stuck in customs", "category": "SUPPORT"}""".formatted(account)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		String key = JsonPath.read(created, "$.key");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "TRIAGED", "severity": "%s", "ownerId": %d}""".formatted(severity, owner)))
			.andExpect(status().isOk());
		return key;
	}

	private String triaged(String severity) throws Exception {
		return triaged(mvc, account, owner, severity);
	}

	private ResultActions progress(String key) throws Exception {
		return mvc.perform(asAlex(get("/api/risks/{key}/progress", key))).andExpect(status().isOk());
	}

	private ResultActions report(String key, String body) throws Exception {
		return mvc.perform(asAlex(post("/api/risks/{key}/progress", key)).content(body));
	}

	private List<String> staleKeys(String flag) throws Exception {
		return JsonPath.read(mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account))
			.param("stale", flag)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(),
				"$.content[*].key");
	}

	@Test
	void reportsUpdatesNewestFirstAndTheNextOneIsDueADailyGapLater() throws Exception {
		String key = triaged("S1");
		// Daily from Wednesday 11:00: Thursday is Thanksgiving, so Friday 11:00.
		progress(key).andExpect(jsonPath("$.staleness.frequency.cadence").value("DAILY"))
			.andExpect(jsonPath("$.staleness.frequency.businessDays").value(1))
			.andExpect(jsonPath("$.staleness.countedFrom").value("2025-11-26T16:00:00Z"))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-11-28T16:00:00Z"))
			.andExpect(jsonPath("$.staleness.lastUpdateAt").value(nullValue()))
			.andExpect(jsonPath("$.staleness.stale").value(false))
			.andExpect(jsonPath("$.updates", empty()));

		clock.set(Instant.parse("2025-11-28T15:00:00Z"));
		report(key, "{\"text\": \"  Customs broker engaged  \", \"health\": \"AT_RISK\"}").andExpect(status().isCreated())
			.andExpect(jsonPath("$.text").value("Customs broker engaged"))
			.andExpect(jsonPath("$.health").value("AT_RISK"))
			.andExpect(jsonPath("$.author").value("alex"))
			.andExpect(jsonPath("$.reportedAt").value("2025-11-28T15:00:00Z"));
		clock.set(Instant.parse("2025-11-28T16:30:00Z"));
		report(key, "{\"text\": \"First containers released\", \"health\": \"ON_TRACK\"}").andExpect(status().isCreated());

		// Friday 11:30 daily: the weekend is skipped, Monday 11:30.
		progress(key).andExpect(jsonPath("$.updates[*].text", contains("First containers released", "Customs broker engaged")))
			.andExpect(jsonPath("$.staleness.lastUpdateAt").value("2025-11-28T16:30:00Z"))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-12-01T16:30:00Z"))
			.andExpect(jsonPath("$.staleness.stale").value(false));
		List<String> timeline = JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}/timeline", key))).andReturn()
			.getResponse().getContentAsString(), "$[?(@.kind == 'PROGRESS')].summary");
		assertThat(timeline).containsExactly("Progress: AT_RISK - Customs broker engaged",
				"Progress: ON_TRACK - First containers released");
	}

	@Test
	void aRiskIsStaleFromItsDueInstantPerSeverityInTheRegisterToo() throws Exception {
		String s0 = triaged("S0");
		String s2 = triaged("S2");
		String s3 = triaged("S3");
		// Daily for S0 (Friday 11:00); twice weekly for S2 and S3: Friday, Monday, Tuesday 11:00.
		progress(s0).andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-11-28T16:00:00Z"));
		progress(s2).andExpect(jsonPath("$.staleness.frequency.cadence").value("TWICE_WEEKLY"))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-12-02T16:00:00Z"));
		progress(s3).andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-12-02T16:00:00Z"));

		clock.set(Instant.parse("2025-11-28T15:59:59Z"));
		progress(s0).andExpect(jsonPath("$.staleness.stale").value(false))
			.andExpect(jsonPath("$.staleness.staleSince").value(nullValue()));
		assertThat(staleKeys("true")).doesNotContain(s0, s2, s3);
		assertThat(staleKeys("false")).contains(s0, s2, s3);

		clock.set(Instant.parse("2025-11-28T16:00:00Z"));
		progress(s0).andExpect(jsonPath("$.staleness.stale").value(true))
			.andExpect(jsonPath("$.staleness.staleSince").value("2025-11-28T16:00:00Z"));
		assertThat(staleKeys("true")).contains(s0).doesNotContain(s2, s3);

		clock.set(Instant.parse("2025-12-02T16:00:00Z"));
		assertThat(staleKeys("true")).contains(s0, s2, s3);
		assertThat(staleKeys("false")).doesNotContain(s0, s2, s3);
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)).param("stale", "true")
			.param("sort", "progressDueAt"))
			.andExpect(jsonPath("$.content[0].key").value(s0))
			.andExpect(jsonPath("$.content[0].staleSince").value("2025-11-28T16:00:00Z"))
			.andExpect(jsonPath("$.content[0].progressDueAt").value("2025-11-28T16:00:00Z"));

		// An update ends the stale period: the next one is due a gap later.
		report(s2, "{\"text\": \"Escalated with the carrier\", \"health\": \"OFF_TRACK\"}").andExpect(status().isCreated());
		progress(s2).andExpect(jsonPath("$.staleness.stale").value(false))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-12-05T16:00:00Z"));
		assertThat(staleKeys("true")).contains(s0, s3).doesNotContain(s2);
	}

	@Test
	void aSeverityChangeRetargetsTheDueInstantFromWhatItCountsFrom() throws Exception {
		String key = triaged("S2");
		clock.set(Instant.parse("2025-11-26T18:00:00Z"));
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key)).content("{\"severity\": \"S1\", \"reason\": \"Exec escalation\"}"))
			.andExpect(status().isOk());
		progress(key).andExpect(jsonPath("$.staleness.frequency.cadence").value("DAILY"))
			.andExpect(jsonPath("$.staleness.countedFrom").value("2025-11-26T16:00:00Z"))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-11-28T16:00:00Z"));

		clock.set(Instant.parse("2025-12-01T14:00:00Z"));
		progress(key).andExpect(jsonPath("$.staleness.stale").value(true));
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key)).content("{\"severity\": \"S3\", \"reason\": \"Contained\"}"))
			.andExpect(status().isOk());
		progress(key).andExpect(jsonPath("$.staleness.stale").value(false))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-12-02T16:00:00Z"));
	}

	@Test
	void refusesBadInputNamingTheFieldAndWritesNothing() throws Exception {
		String key = triaged("S1");
		report(key, "{\"text\": \"   \", \"health\": \"ON_TRACK\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		report(key, "{\"text\": \"Fine\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("health"));
		report(key, "{\"text\": \"Fine\", \"health\": \"GREEN\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("health"));
		report(key, "{\"text\": \"%s\", \"health\": \"ON_TRACK\"}".formatted("x".repeat(5001)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("text"));
		progress(key).andExpect(jsonPath("$.updates", empty()));

		report("RISK-1999-9999", "{\"text\": \"Fine\", \"health\": \"ON_TRACK\"}").andExpect(status().isNotFound());
		mvc.perform(asAlex(get("/api/risks/{key}/progress", "RISK-1999-9999"))).andExpect(status().isNotFound());
	}

	@Test
	void aClosedRiskOwesNoUpdateAndTakesNone() throws Exception {
		String original = triaged("S1");
		String duplicate = triaged("S1");
		assertThat(checksOf(duplicate)).containsExactly(Instant.parse("2025-11-28T16:00:00Z"));
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", duplicate)).content("""
				{"to": "CLOSED", "duplicateOf": "%s"}""".formatted(original))).andExpect(status().isOk());
		clock.set(Instant.parse("2025-12-11T16:00:00Z"));
		progress(duplicate).andExpect(jsonPath("$.staleness.nextUpdateDueAt").value(nullValue()))
			.andExpect(jsonPath("$.staleness.stale").value(false));
		assertThat(checksOf(duplicate)).isEmpty();
		assertThat(staleKeys("true")).contains(original).doesNotContain(duplicate);
		report(duplicate, "{\"text\": \"Too late\", \"health\": \"ON_TRACK\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Conflict"));
		progress(duplicate).andExpect(jsonPath("$.updates[*].text", not(hasItem("Too late"))));
	}

	/** The execution times of the risk's stale check: one task per risk, keyed by its key. */
	private List<Instant> checksOf(String key) {
		return jdbc.sql("select execution_time from scheduled_tasks where task_name = 'progress-stale-check' and task_instance = :key")
			.param("key", key)
			.query(java.sql.Timestamp.class)
			.list()
			.stream()
			.map(java.sql.Timestamp::toInstant)
			.toList();
	}

	@Autowired
	ProgressUpdates progress;

	@Test
	void aRiskTriagedBeforeProgressWasTrackedCountsFromItsTriageAtStartUp() throws Exception {
		String key = triaged("S1");
		// As a database upgraded to this version has it: the risk is triaged, nothing is tracked.
		jdbc.sql("delete from progress_status where risk_key = :key").param("key", key).update();
		progress(key).andExpect(jsonPath("$.staleness.nextUpdateDueAt").value(nullValue()));
		progress.trackUntracked();
		progress(key).andExpect(jsonPath("$.staleness.countedFrom").value("2025-11-26T16:00:00Z"))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-11-28T16:00:00Z"));
		assertThat(checksOf(key)).containsExactly(Instant.parse("2025-11-28T16:00:00Z"));
	}

	@Test
	void aRiskStoredAsWorkedWithoutATriageInstantCountsFromWhenItWasLoggedAtStartUp() throws Exception {
		// Imported or migrated as being worked: no triage instant, and one without even a severity.
		String noTriage = storedActive("S1");
		String noSeverity = storedActive(null);
		progress.trackUntracked();
		progress(noTriage).andExpect(jsonPath("$.staleness.countedFrom").value("2025-11-26T16:00:00Z"))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value("2025-11-28T16:00:00Z"));
		assertThat(checksOf(noTriage)).containsExactly(Instant.parse("2025-11-28T16:00:00Z"));
		progress(noSeverity).andExpect(jsonPath("$.staleness.frequency").value(nullValue()))
			.andExpect(jsonPath("$.staleness.nextUpdateDueAt").value(nullValue()));
		assertThat(checksOf(noSeverity)).isEmpty();
	}

	/** An ACTIVE risk as an import writes it: logged now, detected a week before, never triaged through the desk. */
	private String storedActive(String severity) {
		String key = "LEGACY-" + System.nanoTime();
		jdbc.sql("""
				insert into risk (risk_key, account_id, title, category, severity, status, source, detected_at, logged_at, version)
				values (:key, :account, 'Imported risk', 'SUPPORT', :severity, 'ACTIVE', 'MANUAL', :detected, :logged, 0)""")
			.param("key", key)
			.param("account", account)
			.param("severity", severity)
			.param("detected", java.sql.Timestamp.from(WEDNESDAY_11AM.minus(Duration.ofDays(7))))
			.param("logged", java.sql.Timestamp.from(WEDNESDAY_11AM))
			.update();
		return key;
	}

	@Test
	void anUpdateMovesTheRisksOneCheck() throws Exception {
		String key = triaged("S2");
		assertThat(checksOf(key)).containsExactly(Instant.parse("2025-12-02T16:00:00Z"));
		clock.set(WEDNESDAY_11AM.plus(Duration.ofHours(2)));
		report(key, "{\"text\": \"Broker on it\", \"health\": \"ON_TRACK\"}").andExpect(status().isCreated());
		assertThat(checksOf(key)).containsExactly(Instant.parse("2025-12-02T18:00:00Z"));
	}

}
