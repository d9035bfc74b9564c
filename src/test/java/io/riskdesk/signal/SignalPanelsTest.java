package io.riskdesk.signal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.SeverityChange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The signal panels of the account and risk pages, and the usage API, for an account whose
 * usage dropped today, whose sponsor left two days ago, and whose detractor NPS was answered by
 * a promoter one since: renewing in 45 days, so its S2 findings are S1. Today is the real one:
 * the risks detection opens are fresh, not breached ones crowding the dashboard's lists.
 */
@RiskdeskTest
class SignalPanelsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DetectionRuns runs;

	@Autowired
	RiskRegister risks;

	@Autowired
	JsonMapper json;

	DetectionTestData data;

	LocalDate today;

	long account;

	@BeforeEach
	void setUp() {
		today = LocalDate.now(clock);
		data = new DetectionTestData(jdbc);
		account = data.account(today.plusDays(45), null, "UTC");
		for (LocalDate day = today.minusDays(59); day.isBefore(today); day = day.plusDays(1)) {
			data.usage(account, day, 1120, 2400);
		}
		data.usage(account, today, 616, 1500);
		data.event(account, today.minusDays(2), "SPONSOR_LEFT", "Dana Fox resigned");
		data.nps(account, today.minusDays(5), 4, "SPONSOR");
		runs.run(today, List.of(account));
		data.nps(account, today.minusDays(1), 9, "SPONSOR");
		runs.run(today, List.of(account));
	}

	/** A day {@code days} before today, as pages write it. */
	private String ago(int days) {
		return today.minusDays(days).toString();
	}

	@Test
	void theAccountPanelShowsTheUsageChartTheFindingsAndTheRisksTheyWentTo() throws Exception {
		String html = panel(htmx(get("/accounts/{id}/signals", account), "CSM"));
		String text = text(html);

		assertThat(html).doesNotContain("<html");
		assertThat(text).contains("Signals suggest S1 High", "Active findings (3)", "adoption-collapse", "usage-drop",
				"sponsor-left", "WAU 616 on " + today + " vs 1,120 on " + ago(30) + ": −45.0% > 30%",
				"S2 by the rule → S1 after the modifiers",
				"renewal on " + today.plusDays(45) + ", in 45 days (within 90): S2 → S1",
				"usage " + today + ", usage " + ago(30), "SPONSOR_LEFT on " + ago(2) + " (Dana Fox resigned), 2 days ago",
				"Fired on " + ago(2), "Found first " + today, "(in force)", "Cleared in the last 90 days (1)",
				"nps-detractor", "Cleared " + today, "Run detection");
		assertThat(html).contains("href=\"/risks/" + riskOf("usage-drop") + "\"", "href=\"/risks/" + riskOf("sponsor-left") + "\"");
		for (String rule : List.of("usage-drop", "adoption-collapse", "sponsor-left")) {
			assertThat(text).contains(threshold(rule));
		}

		JsonNode usage = json.readTree(attribute(html, "data-usage"));
		assertThat(usage.get("from").asString()).isEqualTo(ago(179));
		assertThat(usage.get("to").asString()).isEqualTo(today.toString());
		assertThat(usage.get("days")).hasSize(60);
		assertThat(json.readValue(attribute(html, "data-fired"), List.class)).containsExactly(
				Map.of("day", ago(5), "text", "nps-detractor S1 (cleared)"),
				Map.of("day", ago(2), "text", "sponsor-left S1"),
				Map.of("day", today.toString(), "text", "adoption-collapse S1; usage-drop S1"));
		// The figures as a table too, for those who cannot see the chart.
		assertThat(text).contains("The figures as a table", today + " 616 616 1500");
	}

	@Test
	void readersSeeTheSignalsButNoButtonAndCannotRunDetection() throws Exception {
		assertThat(panel(htmx(get("/accounts/{id}/signals", account), "EXEC"))).contains("usage-drop")
			.doesNotContain("Run detection");
		mvc.perform(htmx(post("/accounts/{id}/signals/run", account), "EXEC")).andExpect(status().isForbidden());
		// An account executive may edit accounts, not write risks, which detection does.
		mvc.perform(htmx(post("/accounts/{id}/signals/run", account), "AE")).andExpect(status().isForbidden());
	}

	@Test
	void runDetectionRecordsWhatIsNewAndSaysWhatItDid() throws Exception {
		data.event(account, today.minusDays(1), "BUDGET_FREEZE");

		String text = text(panel(htmx(post("/accounts/{id}/signals/run", account), "CSM")));

		String opened = riskOf("budget-freeze");
		assertThat(opened).isNotNull();
		assertThat(text).contains("Ran detection as of " + today + ".", "Detection: 1 new findings, 0 risen, 0 cleared.",
				"Opened " + opened + ".", "Active findings (4)", "budget-freeze");
		// Without JavaScript the form posts normally and gets the page.
		assertThat(panel(post("/accounts/{id}/signals/run", account).with(user("alex").roles("CSM")).with(csrf())))
			.contains("<html", "Detection: 0 new findings, 0 risen, 0 cleared.");
	}

	@Test
	void theUsageApiGivesWauAndMauPerReportedDay() throws Exception {
		mvc.perform(asAlex(get("/api/accounts/{id}/usage?days=30", account)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").value(account))
			.andExpect(jsonPath("$.from").value(ago(29)))
			.andExpect(jsonPath("$.to").value(today.toString()))
			.andExpect(jsonPath("$.days", hasSize(30)))
			.andExpect(jsonPath("$.days[0].day").value(ago(29)))
			.andExpect(jsonPath("$.days[29].wau").value(616))
			.andExpect(jsonPath("$.days[29].mau").value(1500))
			.andExpect(jsonPath("$.days[29].activeUsers").value(616));
		mvc.perform(asAlex(get("/api/accounts/{id}/usage", account)))
			.andExpect(jsonPath("$.from").value(ago(179)))
			.andExpect(jsonPath("$.days", hasSize(60)));
		mvc.perform(asAlex(get("/api/accounts/{id}/usage?days=0", account))).andExpect(status().isBadRequest());
		mvc.perform(asAlex(get("/api/accounts/{id}/usage?days=732", account))).andExpect(status().isBadRequest());
		mvc.perform(asAlex(get("/api/accounts/{id}/usage", Long.MAX_VALUE))).andExpect(status().isNotFound());
		mvc.perform(get("/api/accounts/{id}/usage", account)).andExpect(status().isUnauthorized());
		mvc.perform(asAlex(get("/api/accounts/{id}/usage", data.account())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value(nullValue()))
			.andExpect(jsonPath("$.days", hasSize(0)));
	}

	@Test
	void anAccountWithoutTelemetrySaysSo() throws Exception {
		long quiet = data.account();
		assertThat(panel(get("/accounts/{id}", quiet).with(user("alex").roles("CSM"))))
			.contains("hx-get=\"/accounts/" + quiet + "/signals\"");

		String html = panel(htmx(get("/accounts/{id}/signals", quiet), "CSM"));
		assertThat(text(html)).contains("No usage reported yet.", "Active findings (0)", "No active finding.")
			.doesNotContain("Signals suggest", "Cleared in the last");
		assertThat(html).doesNotContain("<canvas");
		// Without JavaScript the placeholder's link leads to a page of its own.
		assertThat(panel(get("/accounts/{id}/signals", quiet).with(user("alex").roles("CSM")))).contains("<html",
				"Signals of ");
		mvc.perform(htmx(get("/accounts/{id}/signals", Long.MAX_VALUE), "CSM")).andExpect(status().isNotFound());
	}

	@Test
	void theRiskPanelSaysWhyThisSeverity() throws Exception {
		String adoption = riskOf("usage-drop");
		risks.changeSeverity(adoption, null, new SeverityChange(Severity.S2, "The customer says the drop is seasonal"),
				"alex");
		assertThat(panel(get("/risks/{key}", adoption).with(user("alex").roles("CSM"))))
			.contains("hx-get=\"/risks/" + adoption + "/signals\"");

		String text = text(panel(htmx(get("/risks/{key}/signals", adoption), "EXEC")));
		assertThat(text).contains("Why this severity", "Signals suggest S1 High; the risk is S2 Medium.", "Active (2)",
				"adoption-collapse", "usage-drop", "WAU 616 on " + today + " vs 1,120 on " + ago(14) + ": −45.0% > 40%",
				threshold("adoption-collapse"), "renewal on " + today.plusDays(45) + ", in 45 days (within 90): S2 → S1",
				"usage " + today + ", usage " + ago(14))
			.doesNotContain("sponsor-left");

		String sentiment = riskOf("nps-detractor");
		assertThat(text(panel(htmx(get("/risks/{key}/signals", sentiment), "CSM")))).contains(
				"No finding behind this risk is active any more; the risk is S1 High.", "Cleared (1)", "nps-detractor",
				"NPS 4 by SPONSOR on " + ago(5));
	}

	@Test
	void aRiskWithoutFindingsHasNoPanel() throws Exception {
		String manual = new ApiFixtures(mvc).risk(data.account(), "Reported by hand");
		assertThat(panel(htmx(get("/risks/{key}/signals", manual), "CSM"))).isBlank();
		assertThat(text(panel(get("/risks/{key}/signals", manual).with(user("alex").roles("CSM")))))
			.contains("No signal finding went to this risk.").doesNotContain("Why this severity");
		mvc.perform(htmx(get("/risks/{key}/signals", "RISK-1999-9999"), "CSM")).andExpect(status().isNotFound());
	}

	/** An htmx request by a demo user of that role: pages read the role from the user's record. */
	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String role) {
		String name = Map.of("CSM", "alex", "EXEC", "jordan", "AE", "sam").get(role);
		return request.header("HX-Request", "true").with(user(name).roles(role)).with(csrf());
	}

	private String panel(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	/** What a reader sees, about: the words between the tags, entities decoded, white space collapsed. */
	private static String text(String html) {
		return HtmlUtils.htmlUnescape(html.replaceAll("<[^>]+>", " "))
			.replaceAll("\\s+", " ")
			.replaceAll(" ([;.,)])", "$1")
			.replace("( ", "(");
	}

	private static String attribute(String html, String name) {
		var match = java.util.regex.Pattern.compile(name + "=\"([^\"]*)\"").matcher(html);
		assertThat(match.find()).as(name).isTrue();
		return HtmlUtils.htmlUnescape(match.group(1));
	}

	private String riskOf(String rule) {
		return jdbc.sql("select risk_key from signal_finding where account_id = :a and rule_id = :rule")
			.param("a", account)
			.param("rule", rule)
			.query(String.class)
			.single();
	}

	private String threshold(String rule) {
		return jdbc.sql("select threshold from signal_finding where account_id = :a and rule_id = :rule")
			.param("a", account)
			.param("rule", rule)
			.query(String.class)
			.single();
	}

}
