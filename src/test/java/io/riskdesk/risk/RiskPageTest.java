package io.riskdesk.risk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.Severity;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The risk page and its actions as htmx and plain form posts send them. */
@RiskdeskTest
@Transactional
class RiskPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RiskRegister risks;

	@Autowired
	Clock clock;

	@Autowired
	ApplicationEventPublisher events;

	long owner;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Ada Owner");
		key = fixtures.risk(fixtures.account("Acme Rockets", owner), "API errors at 5%");
	}

	static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.header("HX-Request", "true").with(user("alex").roles("CSM")).with(csrf());
	}

	/** A line the SLA clocks could write, for the timeline's layout. */
	record SlaLine(String riskKey, String summary, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.SLA;
		}

		public String actor() {
			return "sla";
		}
	}

	@Test
	void aRunOfSlaEntriesIsFoldedUnderItsNewest() throws Exception {
		events.publishEvent(new SlaLine(key, "Warning: triage 75% used", clock.instant()));
		events.publishEvent(new SlaLine(key, "Breached: triage", clock.instant().plusSeconds(1)));
		mvc.perform(get("/risks/{key}", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<details>"), containsString("2 SLA entries, the latest"),
					containsString("Breached: triage"), containsString("Warning: triage 75% used"))));
	}

	@Test
	void showsTheRiskWithItsAccountAndEvidence() throws Exception {
		mvc.perform(get("/risks/{key}", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(key), containsString("API errors at 5%"),
					containsString("Acme Rockets"), containsString("USD 480,000"),
					containsString("3 Sev-1 tickets in 30 days"), containsString("Risk logged: API errors at 5%"),
					containsString("<h2 id=\"actions-heading\">Actions</h2>"))));
	}

	@Test
	void anHtmxActionAnswersWithTheFreshPanelOnly() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/triage", key)).param("version", "0")
			.param("severity", "S2")
			.param("ownerId", String.valueOf(owner)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"risk-panel\""), containsString("Triaged."),
					containsString("S2 Medium"), containsString("TRIAGED"), containsString("name=\"version\" value=\"1\""),
					not(containsString("<html")))));
	}

	@Test
	void invalidInputIs422WithTheMessageNextToTheFieldAndTheInputKept() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/severity", key)).param("version", "0")
			.param("severity", "S1")
			.param("reason", " "))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Not saved: Reason is required to change the severity"),
					containsString("id=\"severity-reason-error\""), containsString("aria-invalid=\"true\""))));

		risks.transition(key, null, new TransitionRequest(RiskStatus.TRIAGED, Severity.S2, owner,
				null, null, null, null, null, null, null), "alex");
		mvc.perform(htmx(post("/risks/{key}/transitions", key)).param("version", "1")
			.param("to", "ACTIVE"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Triage is not complete")));
	}

	@Test
	void aStaleFormIs409WithTheFreshDataAndTheUsersInputKept() throws Exception {
		risks.addDecision(key, 0, "Escalate to the VP", "morgan");

		mvc.perform(htmx(post("/risks/{key}/decisions", key)).param("version", "0").param("text", "Wait for the QBR"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("changed by someone else meanwhile"),
					containsString("Escalate to the VP"), containsString(">Wait for the QBR</textarea>"),
					containsString("name=\"version\" value=\"1\""))));
		assertThat(risks.get(key).decisions()).hasSize(1);
	}

	@Test
	void withoutHtmxAFormPostGetsTheWholePage() throws Exception {
		mvc.perform(post("/risks/{key}/blockers", key).with(user("alex").roles("CSM"))
			.with(csrf())
			.param("version", "0")
			.param("description", "Firewall change pending"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<html"), containsString("Blocker raised."),
					containsString("#1 OPEN"))));
	}

	@Test
	void everyWorkflowStepWorksFromThePage() throws Exception {
		int version = 0;
		version = ok(post("/risks/{key}/triage", key).param("severity", "S1").param("ownerId", String.valueOf(owner)), version);
		version = ok(post("/risks/{key}/triage-steps", key).param("step", "CREATE_CAP").param("note", "Hotfix Friday"), version);
		version = ok(post("/risks/{key}/triage-steps", key).param("step", "NOTIFY_STAKEHOLDERS").param("note", "POC"), version);
		version = ok(post("/risks/{key}/triage-steps", key).param("step", "SET_CADENCE"), version);
		version = ok(post("/risks/{key}/transitions", key).param("to", "ACTIVE"), version);
		version = ok(post("/risks/{key}/transitions", key).param("to", "RESOLVED")
			.param("rootCause", "Pool too small")
			.param("preventionText", "Load test", "Alert on pool usage", "")
			.param("preventionOwner", "Lisa Wong", "Priya", "")
			.param("preventionDue", "2026-12-18", "2026-12-31", ""), version);
		version = ok(post("/risks/{key}/transitions", key).param("to", "ACTIVE").param("reason", "Errors are back"), version);
		version = ok(post("/risks/{key}/transitions", key).param("to", "RESOLVED")
			.param("rootCause", "Pool too small")
			.param("preventionText", "Load test").param("preventionOwner", "Lisa Wong").param("preventionDue", "2026-12-18"),
				version);
		version = ok(post("/risks/{key}/blockers", key).param("description", "Legal sign-off"), version);
		ok(post("/risks/{key}/transitions", key).param("to", "CLOSED").param("outcome", "RETAINED")
			.param("summary", "Pool resized; customer renewed"), version);

		RiskDetails closed = risks.get(key);
		assertThat(closed.status()).isEqualTo(RiskStatus.CLOSED);
		assertThat(closed.cadence()).isEqualTo(Cadence.THREE_TIMES_WEEKLY);

		// Closed: only what a closed risk allows (nothing), in words, people by name, newest first.
		String page = mvc.perform(get("/risks/{key}", key).with(user("alex").roles("CSM")))
			.andReturn().getResponse().getContentAsString();
		assertThat(page).doesNotContain("actions-heading", "Change severity", "Add a decision", "Clear blocker",
				"Record an action item", "/edit\"", "THREE_TIMES_WEEKLY", "CREATE_CAP")
			.contains("#1 OPEN", "3× a week", "✓ <span>Create the corrective action plan</span>",
					"Severity S1, owner Ada Owner", "outcome Retained");
		assertThat(page.indexOf("Resolved -&gt; Closed: Outcome: Retained")).isPositive()
			.isLessThan(page.indexOf("Risk logged: API errors at 5%"));
	}

	@Test
	void theEditFormChangesTheDescriptiveFieldsAndRefusesAStaleVersion() throws Exception {
		long coOwner = new ApiFixtures(mvc).person("Cleo Coowner");
		mvc.perform(get("/risks/{key}/edit", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"version\" value=\"0\""),
					containsString("value=\"API errors at 5%\""), containsString(">3 Sev-1 tickets in 30 days</textarea>"))));
		mvc.perform(post("/risks/{key}/edit", key).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("title", " ").param("evidence", "x".repeat(2001)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"title-error\">is required"),
					containsString("id=\"evidence-error\">must be at most 2000 characters"))));

		mvc.perform(post("/risks/{key}/edit", key).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("title", "API errors at 9%").param("description", "Worse since Monday")
			.param("coOwnerIds", String.valueOf(coOwner)).param("evidence", "Tickets\n\nDashboards")
			.param("cadence", "THREE_TIMES_WEEKLY"))
			.andExpect(redirectedUrl("/risks/" + key + "?updated"));
		mvc.perform(get("/risks/{key}", key).param("updated", "").with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString("Changes saved."), containsString("API errors at 9%"),
					containsString("Cleo Coowner"), containsString("<li>Dashboards</li>"), containsString("3× a week"))));

		mvc.perform(post("/risks/{key}/edit", key).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("title", "My stale title"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("changed by someone else meanwhile"),
					containsString("value=\"My stale title\""), containsString("<dd>API errors at 9%</dd>"),
					containsString("name=\"version\" value=\"1\""))));
		assertThat(risks.get(key).title()).isEqualTo("API errors at 9%");

		mvc.perform(get("/risks/{key}/edit", key).with(user("jordan").roles("EXEC")))
			.andExpect(status().isForbidden());
	}

	private int ok(MockHttpServletRequestBuilder request, int version) throws Exception {
		mvc.perform(htmx(request).param("version", String.valueOf(version))).andExpect(status().isOk());
		return risks.get(key).version();
	}

	@Test
	void aPreventionRowsMessageLandsOnThatRowAndTheRowsAreKept() throws Exception {
		int version = 0;
		version = ok(post("/risks/{key}/triage", key).param("severity", "S2").param("ownerId", String.valueOf(owner)), version);
		version = ok(post("/risks/{key}/triage-steps", key).param("step", "CREATE_CAP").param("note", "Plan"), version);
		version = ok(post("/risks/{key}/triage-steps", key).param("step", "NOTIFY_STAKEHOLDERS").param("note", "POC"), version);
		version = ok(post("/risks/{key}/triage-steps", key).param("step", "SET_CADENCE"), version);
		version = ok(post("/risks/{key}/transitions", key).param("to", "ACTIVE"), version);

		mvc.perform(htmx(post("/risks/{key}/transitions", key)).param("version", String.valueOf(version))
			.param("to", "RESOLVED")
			.param("rootCause", "Pool too small")
			.param("preventionText", "Load test", "Alert on pool usage", "", "")
			.param("preventionOwner", "Lisa Wong", "", "", "")
			.param("preventionDue", "2026-12-18", "2026-12-31", "", ""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("id=\"resolve-prevention-1-owner-error\""),
					containsString("value=\"Alert on pool usage\""), containsString("value=\"2026-12-31\""))));
		assertThat(risks.get(key).status()).isEqualTo(RiskStatus.ACTIVE);
	}

	@Test
	void formsNeedTheCsrfToken() throws Exception {
		mvc.perform(post("/risks/{key}/decisions", key).with(user("alex").roles("CSM"))
			.param("version", "0")
			.param("text", "x")).andExpect(status().isForbidden());
	}

	@Test
	void readersSeeNoFormsAndMayNotPost() throws Exception {
		mvc.perform(get("/risks/{key}", key).with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(not(containsString("actions-heading")),
					containsString("changing it needs the role CSM, CS manager, CS leader or Administrator"))));
		mvc.perform(post("/risks/{key}/decisions", key).with(user("jordan").roles("EXEC"))
			.with(csrf())
			.param("version", "0")
			.param("text", "x"))
			.andExpect(status().isForbidden())
			.andExpect(forwardedUrl("/access-denied"))
			.andExpect(request().attribute("riskdesk.requiredRoles", List.of("ADMIN", "CSM", "CS_LEADER", "CS_MANAGER")));
	}

	@Test
	void aPostWithoutItsCsrfTokenIsAStaleFormNotARoleProblem() throws Exception {
		mvc.perform(post("/risks/{key}/decisions", key).with(user("alex").roles("CSM"))
			.param("version", "0")
			.param("text", "x"))
			.andExpect(status().isForbidden())
			.andExpect(request().attribute("riskdesk.staleForm", true));
		mvc.perform(get("/access-denied").requestAttr("riskdesk.staleForm", true).with(user("alex").roles("CSM")))
			.andExpect(content().string(containsString("This form has expired")));
	}

	@Test
	void anUnknownRiskIsA404Page() throws Exception {
		mvc.perform(get("/risks/RISK-1999-0001").with(user("alex").roles("CSM")))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Risk RISK-1999-0001 not found")));
	}

	@Test
	void aRenewalThatHasPassedIsLapsedOnTheAccountTheRegisterAndTheRisk() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long account = fixtures.account("Lapsed Renewal", "50000", "USD", LocalDate.now(clock).minusDays(12));
		String lapsed = fixtures.risk(account, "Lapsed renewal risk");

		for (MockHttpServletRequestBuilder page : List.of(get("/accounts/{id}", account), get("/risks/{key}", lapsed),
				get("/risks").param("q", "Lapsed renewal risk"))) {
			mvc.perform(page.with(user("alex").roles("CSM")))
				.andExpect(content().string(allOf(containsString("class=\"lapsed\">lapsed</span>"),
						not(containsString("12 days ago")), not(containsString("(-12 d)")))));
		}
	}

}
