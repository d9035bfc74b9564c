package io.riskdesk.signal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class BacktestPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	String name;

	@BeforeEach
	void setUp() {
		clock.set(Instant.parse("2026-04-10T06:00:00Z"));
		// A WAU drop of 25% reported on 2026-03-10: over 20%, not over the 30% in force.
		DetectionTestData data = new DetectionTestData(jdbc);
		long account = data.account();
		data.usage(account, LocalDate.of(2026, 2, 8), 100, 200);
		data.usage(account, LocalDate.of(2026, 3, 10), 75, 200);
		name = jdbc.sql("select name from account where id = ?").param(account).query(String.class).single();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void theFormShowsTheValuesInForceAndTheLast90Days() throws Exception {
		mvc.perform(get("/playbook/backtest").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Backtest thresholds"),
					containsString("name=\"adoption.usage-drop.percent\" value=\"30\""),
					containsString("name=\"support.sev1-tickets.count\" value=\"2\""),
					containsString("name=\"renewal.horizon-days\" value=\"90\""),
					containsString("<option value=\"S2\" selected=\"selected\">S2 Medium</option>"),
					containsString("name=\"from\" value=\"2026-01-11\""), containsString("name=\"to\" value=\"2026-04-10\""),
					not(containsString("<script>")), not(containsString(" onclick=")))));
		mvc.perform(get("/playbook").with(user("alex").roles("CSM")))
			.andExpect(content().string(containsString("href=\"/playbook/backtest\"")));
	}

	@Test
	void aLowerThresholdShowsWhereRisksWouldHaveOpenedEarlier() throws Exception {
		mvc.perform(form("20", "2026-03-01", "2026-04-09"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("From 2026-03-01 to 2026-04-09"),
					containsString("<code>adoption.usage-drop.percent</code>"), containsString("30 → 20"),
					containsString(name), containsString("Only with the alternative"),
					containsString("name=\"adoption.usage-drop.percent\" value=\"20\""))));
	}

	@Test
	void everyWrongValueShowsNextToItsInputAtOnce() throws Exception {
		mvc.perform(form("-5", "2026-04-09", "someday"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("Nothing was run: 2 values are wrong"),
					containsString("id=\"adoption.usage-drop.percent-error\">must be greater than or equal to 0<"),
					containsString("id=\"to-error\">must be a date such as 2026-12-31<"),
					not(containsString("From 2026-04-09")))));
	}

	@Test
	void onlyRiskWritersMayBacktest() throws Exception {
		mvc.perform(get("/playbook/backtest").with(user("jordan").roles("EXEC")))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute("riskdesk.requiredRoles", List.of("ADMIN", "CSM", "CS_LEADER", "CS_MANAGER")));
		mvc.perform(get("/playbook").with(user("jordan").roles("EXEC")))
			.andExpect(content().string(not(containsString("href=\"/playbook/backtest\""))));
	}

	private MockHttpServletRequestBuilder form(String percent, String from, String to) {
		return post("/playbook/backtest").with(user("alex").roles("CSM")).with(csrf())
			.param("adoption.usage-drop.percent", percent)
			.param("adoption.usage-drop.days", "30")
			.param("adoption.usage-drop.severity", "S2")
			.param("from", from)
			.param("to", to);
	}

}
