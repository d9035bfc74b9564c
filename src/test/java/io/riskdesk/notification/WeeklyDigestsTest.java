package io.riskdesk.notification;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.NotificationPolicy;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.sla.SlaClocks;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The weekly digest over the shared database: each test makes its own people, accounts and risks
 * and reads only the outbox rows addressed to its own people.
 */
@RiskdeskTest
class WeeklyDigestsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	WeeklyDigests digests;

	@Autowired
	SlaClocks clocks;

	ApiFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new ApiFixtures(mvc);
	}

	@Test
	void anOwnerHearsOfExactlyTheirOpenRisksWithWhatIsDue() throws Exception {
		long owner = fixtures.person("Olive Owner");
		long account = fixtures.account("Digest Owner Co", owner);
		String first = risk(account, "Exports failing", "S1", owner);
		String second = risk(account, "Champion leaving", "S3", owner);
		String closed = risk(account, "Duplicate of exports", "S2", owner);
		transition(closed, "{\"to\": \"CLOSED\", \"duplicateOf\": \"%s\"}".formatted(first));
		String someoneElses = risk(account, "Not Olive's", "S2", fixtures.person("Other Owner"));
		LocalDate inThreeDays = LocalDate.now(ZoneOffset.UTC).plusDays(3);
		LocalDate inTwoWeeks = LocalDate.now(ZoneOffset.UTC).plusDays(14);
		milestone(first, "Ship the export fix", inThreeDays);
		milestone(first, "Retrospective", inTwoWeeks);

		String week = WeeklyDigests.week(ZonedDateTime.now(ZoneOffset.UTC));
		mvc.perform(as("admin", post("/api/notifications/digests/run")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.week").value(week));

		Map<String, Object> row = onlyDigestOf(owner);
		assertThat(row).containsEntry("idempotency_key", "-|WEEKLY_DIGEST|" + week + "|person:" + owner + "|EMAIL")
			.containsEntry("occurrence", week)
			.containsEntry("channel", "EMAIL")
			.containsEntry("status", "PENDING")
			.containsEntry("template", "weekly-digest")
			.containsEntry("recipient_role", "OWNER")
			.containsEntry("recipient_name", "Olive Owner")
			.containsEntry("risk_key", null)
			.containsEntry("severity", null);
		assertThat((String) row.get("address")).startsWith("olive.owner.");
		assertThat(row.get("subject")).isEqualTo("Weekly digest " + week + ": 2 open risks");
		String text = (String) row.get("text_body");
		assertThat(text).contains("Hello Olive Owner,", "Risks you own", first + " Exports failing",
				second + " Champion leaving", "Due: Milestone: Ship the export fix, due ", "/risks/" + first)
			.doesNotContain(closed, someoneElses, "Retrospective", "Risks of the accounts you manage");
		// The S1 first: the register's order, most severe first.
		assertThat(text.indexOf(first)).isLessThan(text.indexOf(second));
		assertThat((String) row.get("html_body")).contains(first, second, "Ship the export fix").doesNotContain(closed);
	}

	@Test
	void aManagerHearsOfTheRisksOfTheAccountsTheyManageOnly() throws Exception {
		long manager = fixtures.person("Mona Manager");
		long csm = fixtures.person("Carl Csm");
		long managed = account("Managed Co", "\"CSM\": %d, \"CS_MANAGER\": %d".formatted(csm, manager));
		long other = account("Unmanaged Co", "\"CSM\": %d".formatted(csm));
		String managedRisk = risk(managed, "Adoption stalled", "S2", csm);
		String ownRisk = risk(managed, "Renewal pushed back", "S1", manager);
		String otherRisk = risk(other, "Budget cut", "S2", csm);

		digests.runNow();

		Map<String, Object> row = onlyDigestOf(manager);
		assertThat(row.get("recipient_role")).isEqualTo("CS_MANAGER,OWNER");
		String text = (String) row.get("text_body");
		assertThat(text).contains("Risks you own", "Risks of the accounts you manage", managedRisk + " Adoption stalled",
				"owner: Carl Csm")
			.doesNotContain(otherRisk);
		// Their own risk is listed once, as theirs.
		assertThat(text.indexOf("- " + ownRisk)).isEqualTo(text.lastIndexOf("- " + ownRisk))
			.isLessThan(text.indexOf("Risks of the accounts you manage"));
		assertThat(onlyDigestOf(csm).get("text_body").toString()).contains(managedRisk, otherRisk)
			.doesNotContain(ownRisk);
	}

	@Test
	void aSecondRunInTheSameWeekQueuesNothingNew() throws Exception {
		long owner = fixtures.person("Rita Rerun");
		risk(fixtures.account("Rerun Co", owner), "Usage down", "S2", owner);

		WeeklyDigests.Run firstRun = digests.runNow();
		WeeklyDigests.Run secondRun = digests.runNow();

		assertThat(firstRun.queued()).isPositive();
		assertThat(secondRun.queued()).isZero();
		assertThat(secondRun.week()).isEqualTo(firstRun.week());
		onlyDigestOf(owner);
	}

	@Test
	void aBreachOfTheLastWeekIsListed() throws Exception {
		long owner = fixtures.person("Bree Breach");
		String key = risk(fixtures.account("Breach Co", owner), "Data sync broken", "S2", owner);
		milestone(key, "Restore the sync", LocalDate.now(ZoneOffset.UTC).minusDays(2));
		awaitBreach(key);

		digests.runNow();

		assertThat(onlyDigestOf(owner).get("text_body").toString())
			.contains("Due: Milestone: Restore the sync, overdue, was due ",
					"Breached: Milestone: Restore the sync by ");
	}

	@Test
	void theHtmlEscapesWhatUsersTyped() throws Exception {
		long owner = fixtures.person("Eve Escape");
		String key = risk(fixtures.account("Escape Co", owner), "<b>x</b>", "S2", owner);

		digests.runNow();

		Map<String, Object> row = onlyDigestOf(owner);
		assertThat((String) row.get("html_body")).contains(key, "&lt;b&gt;x&lt;/b&gt;").doesNotContain("<b>x</b>");
	}

	@Test
	void thePreviewRendersWithoutQueuingForManagersOnly() throws Exception {
		long owner = fixtures.person("Pia Preview");
		String key = risk(fixtures.account("Preview Co", owner), "Sponsor unreachable", "S2", owner);

		for (String user : List.of("admin", "morgan", "casey")) {
			mvc.perform(as(user, get("/api/notifications/digests/preview").param("personId", String.valueOf(owner))))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.subject").value(containsString(": 1 open risk")))
				.andExpect(jsonPath("$.text").value(containsString(key + " Sponsor unreachable")))
				.andExpect(jsonPath("$.html").value(containsString("Sponsor unreachable")));
		}
		assertThat(digestsOf(owner)).isEmpty();

		long nobody = fixtures.person("Nora Nothing");
		mvc.perform(as("admin", get("/api/notifications/digests/preview").param("personId", String.valueOf(nobody))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.subject").value(containsString(": 0 open risks")))
			.andExpect(jsonPath("$.text").value(containsString("Nothing open for you this week.")))
			.andExpect(jsonPath("$.text").value(not(containsString("Risks you own"))));
		mvc.perform(as("admin", get("/api/notifications/digests/preview").param("personId", "987654321")))
			.andExpect(status().isNotFound());
		mvc.perform(as("admin", get("/api/notifications/digests/preview").param("personId", "twelve")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("personId")));
		mvc.perform(as("alex", get("/api/notifications/digests/preview").param("personId", String.valueOf(owner))))
			.andExpect(status().isForbidden());
	}

	@Test
	void onlyAnAdminRunsTheDigest() throws Exception {
		mvc.perform(as("morgan", post("/api/notifications/digests/run"))).andExpect(status().isForbidden());
		mvc.perform(asAlex(post("/api/notifications/digests/run"))).andExpect(status().isForbidden());
	}

	@Test
	void theScheduleIsTheDigestsDayAndTimeInItsZone() {
		ZoneId berlin = ZoneId.of("Europe/Berlin");
		CronSchedule weekly = WeeklyDigestSchedule.schedule(policy(true, DayOfWeek.FRIDAY, LocalTime.of(7, 30), berlin));
		assertThat(weekly.getPattern()).isEqualTo("0 30 7 * * FRI");
		assertThat(weekly.getZoneId()).isEqualTo(berlin);
		assertThat(weekly.isDisabled()).isFalse();
		assertThat(WeeklyDigestSchedule.schedule(policy(false, DayOfWeek.MONDAY, LocalTime.of(8, 0), berlin)).isDisabled())
			.isTrue();
	}

	@Test
	void thePlaybooksDigestIsScheduledForItsNextMonday8amUtc() {
		Instant next = jdbc.sql("select execution_time from scheduled_tasks where task_name = 'weekly-digest'")
			.query(Instant.class)
			.single();
		ZonedDateTime at = next.atZone(ZoneOffset.UTC);
		assertThat(at.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
		assertThat(at.toLocalTime()).isEqualTo(LocalTime.of(8, 0));
		assertThat(Duration.between(Instant.now(), next)).isPositive().isLessThanOrEqualTo(Duration.ofDays(7));
	}

	@Test
	void theWeekIsTheIsoWeekInTheDigestsZone() {
		ZonedDateTime newYearsEveUtc = ZonedDateTime.parse("2026-12-31T23:30:00Z");
		assertThat(WeeklyDigests.week(newYearsEveUtc)).isEqualTo("2026-W53");
		assertThat(WeeklyDigests.week(newYearsEveUtc.withZoneSameInstant(ZoneId.of("Pacific/Auckland"))))
			.isEqualTo("2026-W53");
		assertThat(WeeklyDigests.week(ZonedDateTime.parse("2027-01-04T00:00:00+13:00[Pacific/Auckland]")))
			.isEqualTo("2027-W01");
		assertThat(WeeklyDigests.week(ZonedDateTime.parse("2027-01-03T12:00:00Z"))).isEqualTo("2026-W53");
	}

	private static NotificationPolicy.WeeklyDigest policy(boolean enabled, DayOfWeek day, LocalTime time, ZoneId zone) {
		return new NotificationPolicy.WeeklyDigest(enabled, day, time, zone, List.of(TeamRole.CS_MANAGER), "weekly-digest");
	}

	private Map<String, Object> onlyDigestOf(long personId) {
		List<Map<String, Object>> rows = digestsOf(personId);
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	private List<Map<String, Object>> digestsOf(long personId) {
		return jdbc.sql("""
				select idempotency_key, risk_key, trigger, occurrence, severity, channel, recipient_name, recipient_role,
				       address, template, subject, text_body, html_body, status
				from notification where trigger = 'WEEKLY_DIGEST' and recipient_key = :recipient""")
			.param("recipient", "person:" + personId)
			.query()
			.listOfRows();
	}

	private void awaitBreach(String key) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(20);
		while (clocks.clocksOf(key).stream().noneMatch(clock -> clock.breachedAt() != null)) {
			assertThat(Instant.now()).as("the milestone clock of " + key + " breaches").isBefore(deadline);
			Thread.sleep(200);
		}
	}

	private String risk(long accountId, String title, String severity, long ownerId) throws Exception {
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "SUPPORT", "severity": "%s", "ownerId": %d}"""
			.formatted(accountId, title, severity, ownerId)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.key");
	}

	private long account(String name, String team) throws Exception {
		String created = mvc.perform(asAlex(post("/api/accounts")).content("""
				{"name": "%s %s", "segment": "ENTERPRISE", "country": "US", "timeZone": "UTC", "team": {%s}}"""
			.formatted(name, UUID.randomUUID().toString().substring(0, 8), team)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	private void milestone(String key, String title, LocalDate due) throws Exception {
		perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"%s\", \"owner\": \"Priya\", \"due\": \"%s\"}".formatted(title, due)), 201);
	}

	private void transition(String key, String json) throws Exception {
		perform(asAlex(post("/api/risks/{key}/transitions", key)).content(json), 200);
	}

	private void perform(MockHttpServletRequestBuilder request, int expected) throws Exception {
		mvc.perform(request).andExpect(status().is(expected));
	}

}
