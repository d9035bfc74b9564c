package io.riskdesk.sla;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The SLA panel of the risk page, as htmx loads and posts it. */
@RiskdeskTest
@Transactional
class SlaPanelTest {

	@Autowired
	MockMvc mvc;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long owner = fixtures.person("Panel Owner");
		key = fixtures.risk(fixtures.account("Panel Co", owner), "Dashboards time out");
		mvc.perform(ApiFixtures.asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S1\", \"reason\": \"Renewal in 60 days\"}")).andExpect(status().isOk());
	}

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username, String role) {
		return request.header("HX-Request", "true").with(user(username).roles(role)).with(csrf());
	}

	@Test
	void showsEachClockWithItsDueInstantAndACountdown() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/clocks", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"sla-panel\""), containsString("TRIAGE"),
					containsString("First response"), containsString("S1: 4 business h (business time)"),
					containsString("data-countdown="), not(containsString("<html")))));
	}

	@Test
	void pausingNeedsAReasonAndResumes() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/pause", key).param("reason", " "), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Reason is required")));
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/pause", key).param("reason", "Waiting on logs"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Triage clock paused."), containsString("paused: Waiting on logs"),
					containsString(">Resume<"))));
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/resume", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Triage clock resumed.")));
		mvc.perform(htmx(post("/risks/{key}/clocks/TRIAGE/resume", key), "alex", "CSM"))
			.andExpect(status().isConflict());
	}

	@Test
	void theFirstResponseOnTheRiskPanelStopsItsClock() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/first-response", key).param("version", "1").param("note", ""), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent());
		mvc.perform(htmx(post("/risks/{key}/first-response", key).param("version", "1").param("note", "Called the POC"),
				"alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("First response recorded.")));
		mvc.perform(htmx(get("/risks/{key}/clocks", key), "alex", "CSM"))
			.andExpect(content().string(allOf(containsString(">Met<"), containsString("First response 20"))));
	}

	@Test
	void theRegisterFiltersOnSlaStatusAndTheDashboardCountsIt() throws Exception {
		// The seed escalations are months old: every one of them has breached its first response.
		mvc.perform(get("/risks").param("slaStatus", "BREACHED").param("q", "TechCorp Enterprises")
			.with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("RISK-"), containsString("sla sla-BREACHED"),
					containsString("name=\"slaStatus\" value=\"BREACHED\" checked"))));
		mvc.perform(get("/risks").param("slaStatus", "ON_TRACK").param("q", "TechCorp Enterprises")
			.with(user("alex").roles("CSM")))
			.andExpect(content().string(containsString("No risk matches these filters.")));
		mvc.perform(get("/").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("SLA status of unresolved risks"),
					containsString("Risks with a breached SLA"), containsString("TechCorp Enterprises"),
					containsString("/risks?detectedFrom="), containsString("/risks?closedFrom="))));
	}

	@Test
	void readersSeeTheClocksButNoActions() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/clocks", key), "jordan", "EXEC"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("First response"), not(containsString(">Pause<")))));
		mvc.perform(htmx(post("/risks/{key}/first-response", key).param("note", "x"), "jordan", "EXEC"))
			.andExpect(status().isForbidden());
	}

}
