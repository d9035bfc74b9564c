package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.plan.MilestoneOverdue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.context.annotation.Import;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A milestone goes overdue at its due instant through its SLA clock, with the test clock: one
 * second before nothing, at the instant once, later checks nothing more; again for a moved date;
 * never for one done. The checks run as db-scheduler runs them (the test is transactional, so the
 * real scheduler never sees these clocks).
 */
@RiskdeskTest
@Transactional
@Import(MilestoneOverdueTest.Overdues.class)
class MilestoneOverdueTest {

	/** Friday 2026-11-20 15:00 in Chicago, the fixture account's zone. */
	private static final Instant FRIDAY_3PM = Instant.parse("2026-11-20T21:00:00Z");

	/** The end of the working day of Tuesday 2026-11-24 in Chicago (17:00 CST). */
	private static final Instant TUESDAY_DUE = Instant.parse("2026-11-24T23:00:00Z");

	@TestConfiguration(proxyBeanMethods = false)
	static class Overdues {

		final List<MilestoneOverdue> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

		@EventListener
		void on(MilestoneOverdue overdue) {
			seen.add(overdue);
		}

	}

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	SlaClocks clocks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Overdues overdues;

	String key;

	long account;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(FRIDAY_3PM);
		overdues.seen.clear();
		ApiFixtures fixtures = new ApiFixtures(mvc);
		account = fixtures.account("Overdue Co", fixtures.person("Overdue Owner"));
		key = fixtures.risk(account, "Backups failing");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void isOverdueAtTheDueInstantOncePerDueDate() throws Exception {
		long id = add("Backup testing in place");
		long clockId = clockOf(id);
		assertThat(dueAt(id)).isEqualTo(TUESDAY_DUE);

		checkAt(clockId, TUESDAY_DUE.minusSeconds(1));
		assertThat(overdues.seen).isEmpty();
		assertThat(milestone(id)).containsEntry("overdue", false).containsEntry("overdueAt", null);

		checkAt(clockId, TUESDAY_DUE);
		assertThat(overdues.seen).singleElement().satisfies(o -> {
			assertThat(o.riskKey()).isEqualTo(key);
			assertThat(o.milestoneId()).isEqualTo(id);
			assertThat(o.title()).isEqualTo("Backup testing in place");
			assertThat(o.owner()).isEqualTo("Priya");
			assertThat(o.dueAt()).isEqualTo(TUESDAY_DUE);
			assertThat(o.at()).isEqualTo(TUESDAY_DUE);
		});
		assertThat(milestone(id)).containsEntry("overdue", true).containsEntry("overdueAt", TUESDAY_DUE.toString());

		checkAt(clockId, TUESDAY_DUE.plus(Duration.ofHours(1)));
		checkAt(clockId, TUESDAY_DUE.plus(Duration.ofDays(2)));
		assertThat(overdues.seen).hasSize(1);
		assertThat(timeline().stream().filter(s -> s.startsWith("Milestone overdue:")).toList())
			.containsExactly("Milestone overdue: Backup testing in place (Priya, was due 2026-11-24 23:00 UTC)");

		// In the register's filter and column.
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)).param("overdueMilestones", "true"))
			.andExpect(jsonPath("$.content[*].key", hasItem(key)))
			.andExpect(jsonPath("$.content[0].overdueMilestones").value(1));
		mvc.perform(get("/risks").param("accountId", String.valueOf(account)).param("overdueMilestones", "true")
			.with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString(key), containsString("1 milestone overdue"),
					containsString("checked=\"checked\"> Milestones overdue"))));
		String csv = mvc.perform(get("/risks.csv").param("accountId", String.valueOf(account)).param("overdueMilestones", "true")
			.with(user("alex").roles("CSM"))).andReturn().getResponse().getContentAsString();
		assertThat(csv.split("\r\n")).hasSize(2);
		assertThat(csv.split("\r\n")[0]).endsWith(",overdue_milestones");
		assertThat(csv.split("\r\n")[1]).startsWith(key + ",").endsWith(",1");

		// A new date is a new promise: counting again, overdue again at its own instant (once).
		Instant fridayDue = Instant.parse("2026-11-27T23:00:00Z");
		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, id)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"due\": \"2026-11-27\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.overdue").value(false));
		assertThat(dueAt(id)).isEqualTo(fridayDue);
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)).param("overdueMilestones", "true"))
			.andExpect(jsonPath("$.content[*].key", not(hasItem(key))));
		checkAt(clockId, fridayDue.minusSeconds(1));
		assertThat(overdues.seen).hasSize(1);
		checkAt(clockId, fridayDue);
		checkAt(clockId, fridayDue.plusSeconds(60));
		assertThat(overdues.seen).hasSize(2);
		assertThat(overdues.seen.get(1).dueAt()).isEqualTo(fridayDue);
	}

	@Test
	void neverForAMilestoneDoneOrDropped() throws Exception {
		long done = add("Hotfix deployed");
		long dropped = add("Custom build");
		long late = add("Monitoring period passed");
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/done", key, done))).andExpect(status().isOk());
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/status", key, dropped)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"status\": \"DROPPED\", \"reason\": \"Not needed\"}")).andExpect(status().isOk());
		checkAt(clockOf(done), TUESDAY_DUE);
		checkAt(clockOf(dropped), TUESDAY_DUE);
		// Done late, before the scheduler's check came: the clock breaches on the way to being met; never overdue.
		clock.set(TUESDAY_DUE.plusSeconds(5));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/done", key, late))).andExpect(status().isOk());
		assertThat(overdues.seen).isEmpty();
		assertThat(timeline()).noneMatch(s -> s.startsWith("Milestone overdue:"));
	}

	private void checkAt(long clockId, Instant at) {
		clock.set(at);
		clocks.check(clockId, at);
	}

	private long add(String title) throws Exception {
		String added = mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"%s\", \"owner\": \"Priya\", \"due\": \"2026-11-24\"}".formatted(title)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(added, "$.id")).longValue();
	}

	private java.util.Map<String, Object> milestone(long id) throws Exception {
		String all = mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andReturn().getResponse().getContentAsString();
		List<java.util.Map<String, Object>> found = JsonPath.read(all, "$[?(@.id == %d)]".formatted(id));
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private long clockOf(long milestoneId) {
		return jdbc.sql("select id from sla_clock where milestone_id = :id").param("id", milestoneId).query(Long.class).single();
	}

	private Instant dueAt(long milestoneId) {
		return jdbc.sql("select due_at from sla_clock where milestone_id = :id")
			.param("id", milestoneId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
	}

	private List<String> timeline() throws Exception {
		String json = mvc.perform(asAlex(get("/api/risks/{key}/timeline", key))).andReturn().getResponse().getContentAsString();
		return JsonPath.read(json, "$[*].summary");
	}

}
