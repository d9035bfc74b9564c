package io.riskdesk.progress;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.TestClockConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * RiskWentStale once per stale period. db-scheduler polls by the application's clock and waits
 * while that clock is behind its last poll, so at instants in the past the first test runs the
 * stale check as the scheduler would at each instant; the second lets the real scheduler catch up
 * on a due instant missed while it was not polling (as after a restart). Not transactional: the
 * scheduler must see committed rows.
 */
// The scheduler's checks run in the JVM's only context: beside the suite's other contexts on the same
// database, their schedulers (each with its own test clock) took these checks first (pom.xml, own-jvm).
@Tag("own-jvm")
@RiskdeskTest
class RiskWentStaleTest {

	/** Friday 2025-11-28 11:00 in New York: an S1 triaged on Wednesday 11:00 is due then (Thanksgiving skipped). */
	private static final Instant DUE = Instant.parse("2025-11-28T16:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ProgressUpdates progress;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String triagedS1() throws Exception {
		clock.set(ProgressApiTest.WEDNESDAY_11AM);
		long owner = new ApiFixtures(mvc).person("Stale Owner");
		return ProgressApiTest.triaged(mvc, new ApiFixtures(mvc).newYorkAccount("Stale Freight", owner), owner, "S1");
	}

	private List<String> staleLines(String key) throws Exception {
		return JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}/timeline", key))).andReturn().getResponse()
			.getContentAsString(), "$[?(@.kind == 'PROGRESS' && @.summary =~ /Stale.*/)].summary");
	}

	private void report(String key, String text) throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/progress", key)).content("{\"text\": \"%s\", \"health\": \"AT_RISK\"}"
			.formatted(text))).andExpect(status().isCreated());
	}

	/** The risk's scheduled stale check, as the scheduler runs it: at its instant, when the clock says so. */
	private void checkAt(String key, Instant at) {
		clock.set(at);
		progress.check(key, at);
	}

	/** When the risk's stale check is scheduled, if it is. */
	private List<Instant> scheduledCheck(String key) {
		return jdbc.sql("select execution_time from scheduled_tasks where task_name = 'progress-stale-check' and task_instance = :key")
			.param("key", key)
			.query(Timestamp.class)
			.list()
			.stream()
			.map(Timestamp::toInstant)
			.toList();
	}

	@Test
	void raisedOnceAtTheDueInstantAndAgainOnlyAfterANewPeriod() throws Exception {
		String key = triagedS1();
		assertThat(scheduledCheck(key)).containsExactly(DUE);

		checkAt(key, DUE.minusSeconds(1));
		assertThat(staleLines(key)).isEmpty();
		assertThat(progress.nextCheck(key)).contains(DUE);

		checkAt(key, DUE);
		assertThat(staleLines(key)).containsExactly("Stale: no progress update since triage; one was due 2025-11-28 16:00 UTC");
		// Raised: the task does not re-arm, and a late or repeated check (a second node, a retry) raises nothing.
		assertThat(progress.nextCheck(key)).isEmpty();
		checkAt(key, DUE.plus(Duration.ofHours(1)));
		checkAt(key, DUE.plus(Duration.ofDays(3)));
		assertThat(staleLines(key)).hasSize(1);

		// A new update ends the period; the next one (daily: Monday 12:00 New York) is raised in its turn.
		clock.set(DUE.plus(Duration.ofHours(1)));
		report(key, "Carrier replied");
		Instant nextDue = Instant.parse("2025-12-01T17:00:00Z");
		assertThat(scheduledCheck(key)).containsExactly(nextDue);
		checkAt(key, nextDue.minusSeconds(1));
		assertThat(staleLines(key)).hasSize(1);
		checkAt(key, nextDue);
		checkAt(key, nextDue.plusSeconds(1));
		assertThat(staleLines(key)).hasSize(2).last()
			.isEqualTo("Stale: no progress update since 2025-11-28 17:00 UTC; one was due 2025-12-01 17:00 UTC");
	}

	@Test
	void theSchedulerRaisesADueInstantItMissedOnceWhenItPollsAgain() throws Exception {
		String key = triagedS1();
		assertThat(staleLines(key)).isEmpty();

		// Back in real time the check of Friday is overdue: the scheduler runs it once, then it is gone.
		clock.reset();
		await().atMost(TestClockConfiguration.SCHEDULER_BACKLOG).until(() -> staleLines(key).size() == 1 && scheduledCheck(key).isEmpty());
		assertThat(staleLines(key)).containsExactly("Stale: no progress update since triage; one was due 2025-11-28 16:00 UTC");

		// An update schedules the risk's one check again, at its next due instant.
		report(key, "Carrier replied");
		String due = JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}/progress", key))).andReturn().getResponse()
			.getContentAsString(), "$.staleness.nextUpdateDueAt");
		assertThat(scheduledCheck(key)).containsExactly(Instant.parse(due));
		assertThat(staleLines(key)).hasSize(1);
	}

}
