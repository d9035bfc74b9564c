package io.riskdesk.report;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.OpenWork;
import io.riskdesk.risk.Outcome;
import io.riskdesk.risk.RiskEvents;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TransitionRequest;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.risk.TriageStepRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.contains;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The KPI report on a crafted set: five risks of one account detected in early 2025, moved through
 * the workflow at exact instants, so every median and p90 is computed by hand below.
 */
@RiskdeskTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiReportTest {

	/** When the crafted risks are logged; four of them were detected 240, 250, 270 and 300 hours before. */
	private static final Instant LOGGED = Instant.parse("2025-03-12T12:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	RiskRegister risks;

	@Autowired
	MutableClock clock;

	private long account;

	private long alice;

	private long bob;

	@BeforeAll
	void craftTheRisks() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		alice = fixtures.person("Alice Kpi");
		bob = fixtures.person("Bob Kpi");
		account = fixtures.account("Kpi Holdings", "100000", "EUR", LocalDate.parse("2027-06-30"));
		clock.set(LOGGED);
		List<String> keys = new ArrayList<>();
		// S1, detected long before they were logged: every clock breached at once, each met late.
		List<RiskSource> sources = List.of(RiskSource.MANUAL, RiskSource.IMPORT, RiskSource.SIGNAL, RiskSource.MANUAL);
		List<Integer> hoursBefore = List.of(240, 250, 270, 300);
		for (int i = 0; i < 4; i++) {
			keys.add(log(Severity.S1, alice, LOGGED.minus(Duration.ofHours(hoursBefore.get(i))), sources.get(i)));
		}
		// S0, detected as it is logged: every clock met on time (its live-call milestone is dropped at resolve).
		keys.add(log(Severity.S0, bob, null, RiskSource.MANUAL));
		keys.forEach(key -> risks.transition(key, null, TransitionRequest.to(RiskStatus.TRIAGED), "alex"));

		at(1, () -> keys.forEach(key -> risks.recordFirstResponse(key, null, "Called the sponsor", "alex")));
		at(2, () -> keys.forEach(key -> {
			for (TriageStep step : List.of(TriageStep.CREATE_CAP, TriageStep.NOTIFY_STAKEHOLDERS, TriageStep.SET_CADENCE)) {
				// The first delivered matrix message may have recorded the notification already.
				if (risks.get(key).triageSteps().stream().noneMatch(done -> done.step() == step)) {
					risks.recordTriageStep(key, null, new TriageStepRequest(step, "Done by the desk", null), "alex");
				}
			}
			risks.transition(key, null, TransitionRequest.to(RiskStatus.ACTIVE), "alex");
		}));
		at(3, () -> keys.forEach(key -> risks.transition(key, null, new TransitionRequest(RiskStatus.RESOLVED, null,
				null, "Capacity", List.of(new RiskEvents.Prevention("Load test", "Alice Kpi", LocalDate.parse("2025-04-30"))),
				null, null, "Resolved before it was due", OpenWork.Choice.DROP, null), "alex")));
		List<Outcome> outcomes = List.of(Outcome.RETAINED, Outcome.RETAINED, Outcome.CHURNED);
		at(4, () -> {
			for (int i = 0; i < outcomes.size(); i++) {
				risks.transition(keys.get(i), null, new TransitionRequest(RiskStatus.CLOSED, null, null, null, null,
						outcomes.get(i), "Done", null, null, null), "alex");
			}
		});
	}

	@AfterAll
	void resetClock() {
		clock.reset();
	}

	@Test
	void mediansAndP90sByGroupEqualTheHandComputedOnes() throws Exception {
		kpis(asAlex(get("/api/reports/kpis"))).andExpect(status().isOk())
			.andExpect(jsonPath("$.filters.from").value("2025-02-01"))
			// S1: first responses 241, 251, 271, 301 h: median (251 + 271) / 2, p90 271 + 0.7 * (301 - 271).
			.andExpect(jsonPath("$.durations.bySeverity[*].key", contains("S0", "S1")))
			.andExpect(jsonPath("$.durations.bySeverity[1].risks").value(4))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToFirstResponse.medianHours").value(261.0))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToFirstResponse.p90Hours").value(292.0))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToTriage.medianHours").value(262.0))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToTriage.p90Hours").value(293.0))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToResolve.medianHours").value(263.0))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToResolve.p90Hours").value(294.0))
			// Three closed at 244, 254, 274 h: p90 254 + 0.8 * 20.
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToClose.risks").value(3))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToClose.medianHours").value(254.0))
			.andExpect(jsonPath("$.durations.bySeverity[1].timeToClose.p90Hours").value(270.0))
			.andExpect(jsonPath("$.durations.bySeverity[0].timeToFirstResponse.medianHours").value(1.0))
			.andExpect(jsonPath("$.durations.bySeverity[0].timeToClose.risks").value(0))
			.andExpect(jsonPath("$.durations.bySeverity[0].timeToClose.medianHours").doesNotExist())
			.andExpect(jsonPath("$.durations.byOwner[*].label", contains("Alice Kpi", "Bob Kpi")))
			.andExpect(jsonPath("$.durations.byOwner[0].key").value(String.valueOf(alice)))
			.andExpect(jsonPath("$.durations.byOwner[0].timeToFirstResponse.p90Hours").value(292.0))
			// February: the one detected 300 h before; March: first responses 1, 241, 251, 271 h.
			.andExpect(jsonPath("$.durations.byMonth[*].key", contains("2025-02", "2025-03")))
			.andExpect(jsonPath("$.durations.byMonth[0].timeToFirstResponse.medianHours").value(301.0))
			.andExpect(jsonPath("$.durations.byMonth[1].risks").value(4))
			.andExpect(jsonPath("$.durations.byMonth[1].timeToFirstResponse.medianHours").value(246.0))
			.andExpect(jsonPath("$.durations.byMonth[1].timeToFirstResponse.p90Hours").value(265.0));
	}

	@Test
	void slaComplianceSourcesAndOutcomes() throws Exception {
		kpis(asAlex(get("/api/reports/kpis"))).andExpect(status().isOk())
			// Milestone clocks (live calls the notification module plans on its own, after commit) come last; not judged here.
			.andExpect(jsonPath("$.slaCompliance[0:6].clock",
					contains("TRIAGE", "TRIAGE", "FIRST_RESPONSE", "FIRST_RESPONSE", "NOTIFICATION", "NOTIFICATION")))
			.andExpect(jsonPath("$.slaCompliance[0:6].severity", contains("S0", "S1", "S0", "S1", "S0", "S1")))
			.andExpect(jsonPath("$.slaCompliance[0:6].metOnTime", contains(1, 0, 1, 0, 1, 0)))
			.andExpect(jsonPath("$.slaCompliance[0:6].metLate", contains(0, 4, 0, 4, 0, 4)))
			.andExpect(jsonPath("$.slaCompliance[0:6].breached", contains(0, 0, 0, 0, 0, 0)))
			.andExpect(jsonPath("$.slaCompliance[0:6].compliancePercent", contains(100.0, 0.0, 100.0, 0.0, 100.0, 0.0)))
			.andExpect(jsonPath("$.sources[*].source", contains("SIGNAL", "MANUAL", "IMPORT")))
			.andExpect(jsonPath("$.sources[*].risks", contains(1, 3, 1)))
			// One EUR account of 100,000 at 1.08: each outcome counts it once.
			.andExpect(jsonPath("$.reportingCurrency").value("USD"))
			.andExpect(jsonPath("$.outcomes[*].outcome", contains("RETAINED", "CHURNED", "DOWNGRADED", "EXPANDED")))
			.andExpect(jsonPath("$.outcomes[*].risks", contains(2, 1, 0, 0)))
			.andExpect(jsonPath("$.outcomes[*].accounts", contains(1, 1, 0, 0)))
			.andExpect(jsonPath("$.outcomes[*].arr", contains(108000.0, 108000.0, 0.0, 0.0)));
	}

	@Test
	void filtersNarrowTheSet() throws Exception {
		kpis(asAlex(get("/api/reports/kpis")).param("severity", "S0")).andExpect(jsonPath("$.sources[*].risks", contains(0, 1, 0)));
		kpis(asAlex(get("/api/reports/kpis")).param("owner", String.valueOf(alice)))
			.andExpect(jsonPath("$.durations.byOwner[*].label", contains("Alice Kpi")));
		kpis(asAlex(get("/api/reports/kpis")).param("category", "ADOPTION")).andExpect(jsonPath("$.durations.bySeverity").isEmpty());
		kpis(asAlex(get("/api/reports/kpis")).param("to", "2025-02-28"))
			.andExpect(jsonPath("$.durations.byMonth[*].key", contains("2025-02")));
	}

	@Test
	void everyCsvHasTheJsonFigures() throws Exception {
		assertThat(csv("durations-by-severity")).isEqualTo("severity,label,risks,triage_risks,triage_median_hours,"
				+ "triage_p90_hours,first_response_risks,first_response_median_hours,first_response_p90_hours,"
				+ "resolve_risks,resolve_median_hours,resolve_p90_hours,close_risks,close_median_hours,close_p90_hours\r\n"
				+ "S0,S0,1,1,2.00,2.00,1,1.00,1.00,1,3.00,3.00,0,,\r\n"
				+ "S1,S1,4,4,262.00,293.00,4,261.00,292.00,4,263.00,294.00,3,254.00,270.00\r\n");
		assertThat(csv("durations-by-owner")).contains("\r\n" + alice + ",Alice Kpi,4,4,262.00,293.00,");
		assertThat(csv("durations-by-month")).contains("\r\n2025-03,2025-03,4,4,");
		assertThat(csv("sla-compliance")).startsWith(
				"clock,severity,met_on_time,met_late,breached,counting,compliance_percent\r\n"
						+ "TRIAGE,S0,1,0,0,0,100.0\r\nTRIAGE,S1,0,4,0,0,0.0\r\n"
						+ "FIRST_RESPONSE,S0,1,0,0,0,100.0\r\nFIRST_RESPONSE,S1,0,4,0,0,0.0\r\n"
						+ "NOTIFICATION,S0,1,0,0,0,100.0\r\nNOTIFICATION,S1,0,4,0,0,0.0\r\n");
		assertThat(csv("sources")).isEqualTo("source,risks\r\nSIGNAL,1\r\nMANUAL,3\r\nIMPORT,1\r\n");
		assertThat(csv("outcomes")).isEqualTo("outcome,risks,accounts,arr,currency,accounts_without_rate\r\n"
				+ "RETAINED,2,1,108000.00,USD,0\r\nCHURNED,1,1,108000.00,USD,0\r\n"
				+ "DOWNGRADED,0,0,0.00,USD,0\r\nEXPANDED,0,0,0.00,USD,0\r\n");
	}

	@Test
	void badFiltersAndUnknownTablesAreProblemDetailsNamingWhatIsWrong() throws Exception {
		mvc.perform(asAlex(get("/api/reports/kpis")).param("from", "2025-03-02").param("to", "2025-03-01"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("from"));
		for (String field : List.of("severity", "owner", "category", "account", "to")) {
			mvc.perform(asAlex(get("/api/reports/kpis")).param(field, "nonsense"))
				.andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value(field));
		}
		mvc.perform(asAlex(get("/api/reports/kpis")).param("account", "999999999"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("account"));
		mvc.perform(asAlex(get("/api/reports/kpis/colours.csv")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.status").value(404));
		mvc.perform(asAlex(get("/api/reports/kpis/sources.csv")).param("owner", "x")).andExpect(status().isBadRequest());
	}

	@Test
	void withoutCredentialsTheApiAnswers401AndThePageSendsToLogin() throws Exception {
		mvc.perform(get("/api/reports/kpis")).andExpect(status().isUnauthorized());
		mvc.perform(get("/api/reports/kpis/sources.csv")).andExpect(status().isUnauthorized());
		mvc.perform(get("/reports/kpis")).andExpect(status().is3xxRedirection());
	}

	@Test
	void everyRoleReadsTheReport() throws Exception {
		for (String role : List.of("EXEC", "AE", "SUPPORT", "LEGAL")) {
			mvc.perform(get("/reports/kpis").with(user("reader").roles(role))).andExpect(status().isOk());
		}
		mvc.perform(ApiFixtures.as("jordan", get("/api/reports/kpis"))).andExpect(status().isOk());
	}

	@Test
	void thePageShowsTheFiltersTablesChartsAndCsvLinks() throws Exception {
		String html = mvc.perform(get("/reports/kpis").param("from", "2025-02-01").param("to", "2025-03-31")
			.param("account", String.valueOf(account)).with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"kpi-durations-chart\""),
					containsString("id=\"kpi-sla-chart\""), containsString("/dist/chart.umd.min.js\""),
					containsString("<th scope=\"row\">Alice Kpi</th>"), containsString("USD 108,000"),
					containsString("/reports/kpis/sources.csv?from=2025-02-01&amp;to=2025-03-31"))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String json = org.springframework.web.util.HtmlUtils.htmlUnescape(
				html.replaceAll("(?s).*data-kpis=\"([^\"]*)\".*", "$1"));
		assertThat((Double) JsonPath.read(json, "$.durations.bySeverity[1].timeToFirstResponse.p90Hours")).isEqualTo(292.0);

		mvc.perform(get("/reports/kpis/outcomes.csv").param("account", String.valueOf(account))
			.param("from", "2025-02-01").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", containsString("kpi-outcomes.csv")))
			.andExpect(content().string(containsString("RETAINED,2,1,108000.00,USD,0")));
		mvc.perform(get("/reports/kpis").param("from", "2025-03-02").param("to", "2025-03-01")
			.with(user("jordan").roles("EXEC"))).andExpect(status().isBadRequest());
	}

	/** The crafted set alone: its account and its detection window. */
	private ResultActions kpis(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request.param("account", String.valueOf(account)).param("from", "2025-02-01")
			.param("to", "2025-03-31"));
	}

	private String csv(String table) throws Exception {
		return kpis(asAlex(get("/api/reports/kpis/" + table + ".csv"))).andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/csv")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private String log(Severity severity, long owner, Instant detectedAt, RiskSource source) {
		return risks.create(new NewRisk(account, "Exports time out", RiskCategory.SUPPORT, null, severity, owner, null,
				detectedAt, List.of("Sev-1 tickets")), source, "alex").key();
	}

	private void at(int hoursAfterLogging, Runnable action) {
		clock.set(LOGGED.plus(Duration.ofHours(hoursAfterLogging)));
		action.run();
	}

}
