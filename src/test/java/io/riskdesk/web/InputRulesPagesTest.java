package io.riskdesk.web;

import java.time.Clock;
import java.time.LocalDate;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The pages refuse what the API refuses, with the form back and the message next to the field
 * (422), never a 500 from the database, and nothing saved.
 */
@RiskdeskTest
@Transactional
class InputRulesPagesTest {

	private static final String NUL = "Sync\u0000failing";

	private static final String CONTROL = "must not contain control characters";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	long owner;

	long account;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Page Owner");
		account = fixtures.account("Strict Pages", owner);
		key = fixtures.risk(account, "Dashboards time out");
	}

	@Test
	void aNewRiskWithAControlCharacterInItsTitleComesBackWithTheMessage() throws Exception {
		int risks = count("risk");
		mvc.perform(page(post("/risks/new")).param("accountId", String.valueOf(account))
			.param("title", NUL)
			.param("category", "SUPPORT")
			.param("evidence", "fine\nbell\u0007"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"title-error\""), containsString(CONTROL),
					containsString("id=\"evidence-error\""))));
		assertThat(count("risk")).isEqualTo(risks);
	}

	@Test
	void aNewAccountWithAControlCharacterOrAFarRenewalComesBackWithTheMessage() throws Exception {
		int accounts = count("account");
		mvc.perform(page(post("/accounts/new")).param("name", NUL)
			.param("segment", "SMB")
			.param("country", "US")
			.param("timeZone", "Europe/Paris")
			.param("renewalDate", LocalDate.now(clock).plusYears(40).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"name-error\""), containsString(CONTROL),
					containsString("id=\"renewalDate-error\""), containsString("must be within 10 years of today"))));
		assertThat(count("account")).isEqualTo(accounts);
	}

	@Test
	void theRiskPanelsActionsFollowTheApisRules() throws Exception {
		refusedOnPanel(post("/risks/{key}/decisions", key).param("text", NUL), "Not saved: text " + CONTROL);
		refusedOnPanel(post("/risks/{key}/decisions", key).param("text", "d".repeat(Text.NOTE + 1)),
				"Not saved: text must be at most 5000 characters");
		refusedOnPanel(post("/risks/{key}/blockers", key).param("description", NUL), "Not saved: description " + CONTROL);
		refusedOnPanel(post("/risks/{key}/severity", key).param("severity", "S1").param("reason", NUL),
				"Not saved: reason " + CONTROL);
		refusedOnPanel(post("/risks/{key}/action-items", key).param("owner", "Priya").param("task", "t".repeat(Text.LINE + 1)),
				"Not saved: task must be at most 2000 characters");
		refusedOnPanel(post("/risks/{key}/action-items", key).param("owner", "Priya").param("task", "Call")
			.param("due", LocalDate.now(clock).plusYears(11).toString()), "Not saved: due must be within 10 years of today");
		assertThat(version()).isZero();
		assertThat(jdbc.sql("select count(*) from risk_decision d join risk r on r.id = d.risk_id where r.risk_key = :key")
			.param("key", key)
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMilestoneDueInTenYearsAndADayOrAPauseReasonWithANulIsRefusedInItsPanel() throws Exception {
		mvc.perform(ApiFixtures.asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S1\", \"reason\": \"Renewal in 60 days\"}")).andExpect(status().isOk());
		int tasks = count("scheduled_tasks");
		mvc.perform(htmx(post("/risks/{key}/plan", key)).param("title", "Ship the fix")
			.param("owner", "Priya")
			.param("due", LocalDate.now(clock).plusYears(10).plusDays(2).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: due must be within 10 years of today")));
		mvc.perform(htmx(post("/risks/{key}/plan", key)).param("title", NUL).param("owner", "Priya")
			.param("due", LocalDate.now(clock).plusDays(7).toString()))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: title " + CONTROL)));
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/pause", key)).param("reason", NUL))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: reason " + CONTROL)));
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/pause", key)).param("reason", "r".repeat(Text.LINE + 1)))
			.andExpect(status().isUnprocessableContent());
		assertThat(jdbc.sql("select count(*) from cap_milestone where risk_key = :key").param("key", key).query(Integer.class)
			.single()).isZero();
		assertThat(jdbc.sql("select state from sla_clock where risk_key = :key and kind = 'TRIAGE'").param("key", key)
			.query(String.class)
			.single()).isEqualTo("RUNNING");
		assertThat(count("scheduled_tasks")).isEqualTo(tasks);
	}

	@Test
	void registerFiltersWithAbsurdYearsAreA400PageNamingTheFilter() throws Exception {
		mvc.perform(get("/risks").with(user("alex").roles("CSM")).param("closedTo", "9999-12-31"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("closedTo must be within 100 years of today")));
		mvc.perform(get("/risks.csv").with(user("alex").roles("CSM")).param("detectedFrom", "0001-01-01"))
			.andExpect(status().isBadRequest());
	}

	private void refusedOnPanel(MockHttpServletRequestBuilder request, String message) throws Exception {
		mvc.perform(htmx(request).param("version", "0"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString(message)));
	}

	private static MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request) {
		return request.with(user("alex").roles("CSM")).with(csrf());
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return page(request).header("HX-Request", "true");
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private int version() {
		return jdbc.sql("select version from risk where risk_key = :key").param("key", key).query(Integer.class).single();
	}

}
