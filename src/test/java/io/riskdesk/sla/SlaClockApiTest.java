package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SLA clocks end to end on the real database and the real db-scheduler, with the application's
 * clock set by the test. Not transactional: the scheduler must see committed clocks.
 */
// The scheduler's checks run in the JVM's only context: beside the suite's other contexts on the same
// database, their schedulers (each with its own test clock) took these checks first (pom.xml, own-jvm).
@Tag("own-jvm")
@RiskdeskTest
class SlaClockApiTest {

	/** How far ahead of real time the scheduler test's warning and breach are due. */
	private static final Duration LEAD = Duration.ofSeconds(10);

	/** Friday 2026-11-20 15:00 in New York. */
	private static final Instant FRIDAY_3PM = Instant.parse("2026-11-20T20:00:00Z");

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
		clock.set(FRIDAY_3PM);
		owner = new ApiFixtures(mvc).person("Sla Owner");
		account = new ApiFixtures(mvc).newYorkAccount("Manhattan Metals", owner);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String risk(String severity) throws Exception {
		return risk(severity, clock.instant());
	}

	private String risk(String severity, Instant detectedAt) throws Exception {
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Checkout API errors", "category": "SUPPORT", "severity": "%s", "ownerId": %d,
				 "detectedAt": "%s"}""".formatted(account, severity, owner, detectedAt)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.key");
	}

	private ResultActions clocks(String key) throws Exception {
		return mvc.perform(asAlex(get("/api/risks/{key}/clocks", key))).andExpect(status().isOk());
	}

	private List<String> timeline(String key) throws Exception {
		return JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}/timeline", key))).andReturn().getResponse()
			.getContentAsString(), "$[?(@.kind == 'SLA')].summary");
	}

	@Test
	void anS1RiskGetsItsThreeClocksInBusinessAndClockTime() throws Exception {
		String key = risk("S1");
		clocks(key).andExpect(jsonPath("$[*].kind", contains("TRIAGE", "FIRST_RESPONSE", "NOTIFICATION")))
			.andExpect(jsonPath("$[*].state", contains("RUNNING", "RUNNING", "RUNNING")))
			// 24 h of clock time from detection
			.andExpect(jsonPath("$[0].dueAt").value("2026-11-21T20:00:00Z"))
			// 4 business hours from Friday 15:00: 2 h on Friday, 2 h on Monday -> Monday 11:00 New York
			.andExpect(jsonPath("$[1].dueAt").value("2026-11-23T16:00:00Z"))
			.andExpect(jsonPath("$[1].businessTime").value(true))
			.andExpect(jsonPath("$[1].remaining").value("PT4H"))
			// the matrix: S1 stakeholders within 4 h
			.andExpect(jsonPath("$[2].dueAt").value("2026-11-21T00:00:00Z"));
		Instant breachTask = jdbc.sql("select execution_time from scheduled_tasks where task_instance like "
				+ "(select id || '-breach-%' from sla_clock where risk_key = :key and kind = 'FIRST_RESPONSE')")
			.param("key", key)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		assertThat(breachTask).isEqualTo(Instant.parse("2026-11-23T16:00:00Z"));
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)).param("sort", "nextDueAt"))
			.andExpect(jsonPath("$.content[0].nextDueAt").value("2026-11-21T00:00:00Z"))
			.andExpect(jsonPath("$.content[0].slaStatus").value("ON_TRACK"));
	}

	@Test
	void aSeverityChangeRetargetsFromTheDetectionAndBreachesAtOnceWhenAlreadyOverdue() throws Exception {
		String key = risk("S1");
		clock.set(FRIDAY_3PM.plus(Duration.ofHours(1)));
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key)).content("{\"severity\": \"S0\", \"reason\": \"Outage\"}"))
			.andExpect(status().isOk());
		clocks(key).andExpect(jsonPath("$[1].dueAt").value("2026-11-20T22:00:00Z"))
			.andExpect(jsonPath("$[1].businessTime").value(false))
			.andExpect(jsonPath("$[1].state").value("RUNNING"));

		String late = risk("S2");
		clock.set(FRIDAY_3PM.plus(Duration.ofHours(3)));
		mvc.perform(asAlex(post("/api/risks/{key}/severity", late)).content("{\"severity\": \"S0\", \"reason\": \"Exec escalation\"}"))
			.andExpect(status().isOk());
		clocks(late).andExpect(jsonPath("$[1].state").value("BREACHED"))
			.andExpect(jsonPath("$[1].breachedAt").value("2026-11-20T23:00:00Z"));
		assertThat(timeline(late)).anySatisfy(line -> assertThat(line).startsWith("First response clock re-targeted to S0"))
			.anySatisfy(line -> assertThat(line).startsWith("SLA breached: first response"));
		// The first risk's S0 clock is overdue by now too: the scheduler may have breached it already.
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)).param("slaStatus", "BREACHED"))
			.andExpect(jsonPath("$.content[*].key", hasItem(late)));
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)).param("slaStatus", "ON_TRACK"))
			.andExpect(jsonPath("$.content[*].key", not(hasItem(late))));
	}

	@Test
	void theSchedulerFiresTheWarningAndTheBreachAtTheirInstantsOnce() throws Exception {
		// db-scheduler fires by the application's clock; here it runs in real time, LEAD ahead: time enough, on a
		// loaded machine too, to log both risks and look at them before anything is due.
		clock.reset();
		Instant now = Instant.now();
		String warned = risk("S0", now.minus(Duration.ofMinutes(90)).plus(LEAD));
		String breached = risk("S0", now.minus(Duration.ofHours(2)).plus(LEAD));
		String warnAt = JsonPath.read(clocks(warned).andReturn().getResponse().getContentAsString(), "$[1].warnAt");
		String dueAt = JsonPath.read(clocks(breached).andReturn().getResponse().getContentAsString(), "$[1].dueAt");
		assertThat(timeline(warned)).noneMatch(line -> line.startsWith("SLA warning: first response"));
		assertThat(timeline(breached)).noneMatch(line -> line.startsWith("SLA breached: first response"));

		// Generous for a loaded machine: the scheduler polls every 500 ms.
		await().atMost(TestClockConfiguration.SCHEDULER_BACKLOG).untilAsserted(() -> {
			assertThat(timeline(warned)).contains("SLA warning: first response clock (S0: 2 h) is due "
					+ SlaEvents.minutes(Instant.parse(warnAt).plus(Duration.ofMinutes(30))));
			assertThat(timeline(breached)).contains("SLA breached: first response clock (S0: 2 h) was due "
					+ SlaEvents.minutes(Instant.parse(dueAt)));
		});
		clocks(breached).andExpect(jsonPath("$[1].state").value("BREACHED"))
			.andExpect(jsonPath("$[1].breachedAt").value(dueAt));
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)).param("sort", "key"))
			.andExpect(jsonPath("$.content[*].slaStatus", contains("AT_RISK", "BREACHED")));
		// Once every due check has run (db-scheduler deletes a one-time task when done), nothing can fire again.
		await().atMost(TestClockConfiguration.SCHEDULER_BACKLOG).until(() -> dueChecks(warned, breached) == 0);
		assertThat(timeline(breached)).filteredOn(line -> line.startsWith("SLA breached: first response")).hasSize(1);
		assertThat(timeline(warned)).filteredOn(line -> line.startsWith("SLA warning: first response")).hasSize(1);
	}

	/** Scheduled clock checks of these risks that are due by the application's clock and not done yet. */
	private long dueChecks(String... keys) {
		return jdbc.sql("""
				select count(*) from scheduled_tasks t join sla_clock c on t.task_instance like c.id || '-%'
				where c.risk_key in (:keys) and t.execution_time <= :now""")
			.param("keys", List.of(keys))
			.param("now", java.sql.Timestamp.from(clock.instant()))
			.query(Long.class)
			.single();
	}

	@Test
	void theFirstResponseStopsItsClockAndPausingMovesTheDueInstant() throws Exception {
		String key = risk("S0");
		clock.set(FRIDAY_3PM.plus(Duration.ofMinutes(30)));
		mvc.perform(asAlex(post("/api/risks/{key}/clocks/NOTIFICATION/pause", key)).content("{\"reason\": \"\"}"))
			.andExpect(status().isBadRequest());
		mvc.perform(asAlex(post("/api/risks/{key}/clocks/TRIAGE/pause", key))
			.content("{\"reason\": \"Waiting on customer logs\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.state").value("PAUSED"))
			.andExpect(jsonPath("$.remaining").value("PT23H30M"));
		clock.set(FRIDAY_3PM.plus(Duration.ofHours(3)));
		mvc.perform(asAlex(post("/api/risks/{key}/clocks/TRIAGE/resume", key)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.dueAt").value("2026-11-21T22:30:00Z"));
		mvc.perform(asAlex(post("/api/risks/{key}/clocks/TRIAGE/resume", key))).andExpect(status().isConflict());

		mvc.perform(asAlex(post("/api/risks/{key}/first-response", key)).content("{\"text\": \"Called the sponsor\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.firstResponseAt").value("2026-11-20T23:00:00Z"));
		clocks(key).andExpect(jsonPath("$[1].state").value("BREACHED"))
			.andExpect(jsonPath("$[1].metAt").value("2026-11-20T23:00:00Z"));
		assertThat(timeline(key)).contains("Triage clock paused: Waiting on customer logs",
				"First response clock met late (it had breached)");
	}

	@Test
	void promisesKeptBeforeTriageMeetTheClocksThatStartAtTriage() throws Exception {
		String key = new ApiFixtures(mvc).risk(account, "Logged without a severity");
		clock.set(FRIDAY_3PM.plus(Duration.ofMinutes(20)));
		mvc.perform(asAlex(post("/api/risks/{key}/first-response", key)).content("{\"text\": \"Called the POC\"}"))
			.andExpect(status().isOk());
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key))
			.content("{\"step\": \"NOTIFY_STAKEHOLDERS\", \"note\": \"POC and AE by email\"}")).andExpect(status().isOk());
		clock.set(FRIDAY_3PM.plus(Duration.ofHours(6)));
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"TRIAGED\", \"severity\": \"S1\", \"ownerId\": %d}".formatted(owner)))
			.andExpect(status().isOk());
		clocks(key).andExpect(jsonPath("$[*].kind", contains("TRIAGE", "FIRST_RESPONSE", "NOTIFICATION")))
			.andExpect(jsonPath("$[1].state").value("MET"))
			.andExpect(jsonPath("$[1].metAt").value("2026-11-20T20:20:00Z"))
			.andExpect(jsonPath("$[2].state").value("MET"));
	}

	@Test
	void pausingAnOverdueClockRecordsItsBreachInstead() throws Exception {
		String key = risk("S0");
		clock.set(FRIDAY_3PM.plus(Duration.ofHours(3)));
		mvc.perform(asAlex(post("/api/risks/{key}/clocks/FIRST_RESPONSE/pause", key)).content("{\"reason\": \"Waiting\"}"))
			.andExpect(status().isConflict());
		clocks(key).andExpect(jsonPath("$[1].state").value("BREACHED"))
			.andExpect(jsonPath("$[1].breachedAt").value("2026-11-20T22:00:00Z"));
	}

	@Test
	void resolvingStopsTheClocksThatStillCount() throws Exception {
		String key = risk("S2");
		for (String step : List.of("CREATE_CAP", "NOTIFY_STAKEHOLDERS")) {
			mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key))
				.content("{\"step\": \"%s\", \"note\": \"done\"}".formatted(step))).andExpect(status().isOk());
		}
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key)).content("{\"step\": \"SET_CADENCE\"}"))
			.andExpect(status().isOk());
		for (String body : List.of("{\"to\": \"TRIAGED\"}", "{\"to\": \"ACTIVE\"}",
				"{\"to\": \"RESOLVED\", \"rootCause\": \"Cache\", \"preventionItems\": [{\"text\": \"Alert\", \"owner\": \"Lisa Wong\", \"due\": \"2026-12-18\"}]}")) {
			mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content(body)).andExpect(status().isOk());
		}
		// The risk's own clocks stop; the prevention item's milestone clock keeps counting.
		clocks(key).andExpect(jsonPath("$[*].state", contains("MET", "STOPPED", "MET", "RUNNING")));
		// Long after the targets, yet before real time: the scheduler would stall after a future instant.
		clock.set(FRIDAY_3PM.plus(Duration.ofDays(8)));
		clocks(key).andExpect(jsonPath("$[1].state").value("STOPPED"));
		assertThat(timeline(key)).contains("SLA clocks stopped, the risk is resolved: first response");
	}

	@Test
	void anAccountInACountryJollydayDoesNotKnowCountsWithoutHolidays() throws Exception {
		String created = mvc.perform(asAlex(post("/api/accounts")).content("""
				{"name": "Polar Station %s", "segment": "SMB", "country": "AQ", "timeZone": "UTC"}""".formatted(System.nanoTime())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		long polar = ((Number) JsonPath.read(created, "$.id")).longValue();
		String risk = JsonPath.read(mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Uplink down", "category": "INCIDENT", "severity": "S1"}""".formatted(polar)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.key");
		// Friday 20:00 UTC is after hours: 4 business hours are Monday 09:00-13:00 UTC.
		clocks(risk).andExpect(jsonPath("$[1].dueAt").value("2026-11-23T13:00:00Z"));
	}

	@Test
	void eachMilestoneHasAClockToTheEndOfTheWorkingDayItIsDue() throws Exception {
		String key = risk("S2");
		String added = mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"Ship the hotfix\", \"owner\": \"Lisa Wong\", \"due\": \"2026-11-23\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.status").value("TODO"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		int milestone = JsonPath.read(added, "$.id");
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"Send the RCA\", \"owner\": \"James\", \"due\": \"2026-11-19\"}"))
			.andExpect(status().isCreated());
		// No date yet: no clock.
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key)).content("{\"title\": \"No date\", \"owner\": \"X\"}"))
			.andExpect(status().isCreated());
		clocks(key).andExpect(jsonPath("$[?(@.kind == 'MILESTONE')]", hasSize(2)));

		// Monday's working day in New York ends at 17:00 EST; a milestone set already overdue breaches at its due instant.
		clocks(key).andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].dueAt", hasItem("2026-11-23T22:00:00Z")))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE' && @.state == 'BREACHED')].breachedAt",
					contains("2026-11-19T22:00:00Z")));
		clock.set(FRIDAY_3PM.plus(Duration.ofHours(1)));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/done", key, milestone)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/done", key, milestone))).andExpect(status().isConflict());
		clocks(key).andExpect(jsonPath("$[?(@.milestoneId == %d)].state".formatted(milestone), contains("MET")));
		mvc.perform(asAlex(post("/api/risks/{key}/clocks/MILESTONE/pause", key)).content("{\"reason\": \"x\"}"))
			.andExpect(status().isBadRequest());
		assertThat(timeline(key)).anySatisfy(line -> assertThat(line).startsWith("SLA breached: milestone"));
	}

	@Test
	void aNewDueDateMovesACountingMilestoneClockAndLeavesAMetOneAsItWas() throws Exception {
		String key = risk("S2");
		int moving = milestone(key, "Ship the hotfix", "2026-11-25");
		int done = milestone(key, "Send the RCA", "2026-11-24");
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/done", key, done))).andExpect(status().isOk());
		String metClock = "$[?(@.milestoneId == %d)]".formatted(done);
		clocks(key).andExpect(jsonPath(metClock + ".state", contains("MET")))
			.andExpect(jsonPath(metClock + ".metAt", contains("2026-11-20T20:00:00Z")));

		// Tuesday's working day in New York ends at 17:00 EST; the check is scheduled at the new instant.
		changeDue(key, moving, 0, "2026-12-01");
		String movingClock = "$[?(@.milestoneId == %d)]".formatted(moving);
		clocks(key).andExpect(jsonPath(movingClock + ".state", contains("RUNNING")))
			.andExpect(jsonPath(movingClock + ".dueAt", contains("2026-12-01T22:00:00Z")))
			.andExpect(jsonPath(movingClock + ".target", contains("Milestone: Ship the hotfix by 2026-12-01")));
		assertThat(jdbc.sql("select execution_time from scheduled_tasks where task_instance like "
				+ "(select id || '-breach-%' from sla_clock where milestone_id = :id) order by execution_time")
			.param("id", moving)
			.query(java.sql.Timestamp.class)
			.list()).last().isEqualTo(java.sql.Timestamp.from(Instant.parse("2026-12-01T22:00:00Z")));
		assertThat(timeline(key)).contains(
				"Milestone clock re-targeted to Milestone: Ship the hotfix by 2026-12-01, due 2026-12-01 22:00 UTC");

		// A date already past breaches there, as a milestone set overdue does.
		changeDue(key, moving, 1, "2026-11-19");
		clocks(key).andExpect(jsonPath(movingClock + ".state", contains("BREACHED")))
			.andExpect(jsonPath(movingClock + ".breachedAt", contains("2026-11-19T22:00:00Z")));

		// The done milestone's promise was kept: moving its date changes nothing.
		changeDue(key, done, 1, "2026-12-04");
		clocks(key).andExpect(jsonPath(metClock + ".state", contains("MET")))
			.andExpect(jsonPath(metClock + ".metAt", contains("2026-11-20T20:00:00Z")))
			.andExpect(jsonPath(metClock + ".target", contains("Milestone: Send the RCA by 2026-11-24")));
	}

	private int milestone(String key, String title, String due) throws Exception {
		return JsonPath.read(mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"%s\", \"owner\": \"Lisa Wong\", \"due\": \"%s\"}".formatted(title, due)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.id");
	}

	private void changeDue(String key, int milestone, int version, String due) throws Exception {
		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, milestone)).header("If-Match", "\"" + version + "\"")
			.content("{\"due\": \"%s\"}".formatted(due)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.due").value(due));
	}

	@Test
	void complianceCountsMetAndBreachedClocksPerSeverity() throws Exception {
		// A detection instant no other test uses, and a window around it only: the counts are this test's alone.
		Instant detected = Instant.parse("2026-11-18T13:17:00Z");
		clock.set(detected);
		String key = risk("S1");
		clock.set(detected.plus(Duration.ofMinutes(45)));
		mvc.perform(asAlex(post("/api/risks/{key}/first-response", key)).content("{\"text\": \"Email to POC\"}"))
			.andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/sla/compliance")).param("from", "2026-11-18T13:17:00Z").param("to", "2026-11-18T13:18:00Z"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].severity", contains("S0", "S1", "S2", "S3")))
			.andExpect(jsonPath("$[*].met", contains(0, 1, 0, 0)))
			.andExpect(jsonPath("$[*].breached", contains(0, 0, 0, 0)))
			.andExpect(jsonPath("$[1].medianTimeToFirstResponse").value("PT45M"));
		mvc.perform(asAlex(get("/api/sla/compliance")).param("from", "2026-11-21T00:00:00Z").param("to", "2026-11-20T00:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
	}

}
