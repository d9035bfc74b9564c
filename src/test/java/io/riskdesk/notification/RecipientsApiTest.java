package io.riskdesk.notification;

import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Who is notified, through the API: an account whose team fills the AE, Support lead (no Slack
 * handle) and Security roles and nothing else, with a Sponsor contact, a Point of contact without
 * e-mail and no Executive contact.
 */
@RiskdeskTest
class RecipientsApiTest {

	@Autowired
	MockMvc mvc;

	ApiFixtures fixtures;

	long ae;

	long supportLead;

	long security;

	long account;

	String accountName;

	@BeforeEach
	void setUp() throws Exception {
		fixtures = new ApiFixtures(mvc);
		ae = fixtures.person("Avery Exec");
		supportLead = personWithoutSlack("Sam Support");
		security = fixtures.person("Sasha Secure");
		accountName = "Northwind Signals " + unique();
		account = created(asAlex(post("/api/accounts")).content(accountJson(
				"\"AE\": %d, \"SUPPORT_LEAD\": %d, \"SECURITY\": %d".formatted(ae, supportLead, security))));
	}

	@Test
	void s1ResolvesItsMatrixRowAndReportsEveryGap() throws Exception {
		String key = risk("SUPPORT", "S1");

		recipients(key).andExpect(status().isOk())
			.andExpect(jsonPath("$.riskKey").value(key))
			.andExpect(jsonPath("$.severity").value("S1"))
			.andExpect(jsonPath("$.channels", contains("EMAIL", "SLACK")))
			.andExpect(jsonPath("$.recipients[*].role", contains("AE", "SUPPORT_LEAD", "POC", "SPONSOR")))
			.andExpect(jsonPath("$.recipients[0].side").value("INTERNAL"))
			.andExpect(jsonPath("$.recipients[0].personId").value(ae))
			.andExpect(jsonPath("$.recipients[0].personName").value("Avery Exec"))
			.andExpect(jsonPath("$.recipients[0].addresses.EMAIL").value(startsWith("avery.exec.")))
			.andExpect(jsonPath("$.recipients[0].addresses.SLACK").value(startsWith("@")))
			.andExpect(jsonPath("$.recipients[1].addresses.SLACK").isEmpty())
			.andExpect(jsonPath("$.recipients[3].side").value("CUSTOMER"))
			.andExpect(jsonPath("$.recipients[3].personName").value("Dana Fox"))
			.andExpect(jsonPath("$.recipients[3].personId").isEmpty())
			.andExpect(jsonPath("$.recipients[3].addresses.EMAIL").value("dana@fox.example"))
			.andExpect(jsonPath("$.recipients[3].addresses.SLACK").isEmpty())
			.andExpect(jsonPath("$.gaps[*].role",
					containsInAnyOrder("CS_MANAGER", "SUPPORT_LEAD", "ENG_LEAD", "PS_LEAD", "POC", null)))
			// S1 posts to Slack, and the test configuration has no webhook.
			.andExpect(jsonPath("$.gaps[?(@.role == null)].reason", contains(
					"Slack is not configured (riskdesk.notifications.slack.webhooks): nobody is told on Slack.")))
			.andExpect(jsonPath("$.gaps[?(@.role == 'CS_MANAGER')].reason",
					contains("Nobody holds the CS manager role in the account team.")))
			.andExpect(jsonPath("$.gaps[?(@.role == 'SUPPORT_LEAD')].reason",
					contains("Sam Support has no Slack handle: not reached by Slack.")))
			.andExpect(jsonPath("$.gaps[?(@.role == 'POC')].reason",
					contains("Pat Point has no e-mail address: not reached by Email.")))
			.andExpect(jsonPath("$.gaps[?(@.role == 'POC')].side", contains("CUSTOMER")))
			// Security/Legal only "if applicable", and S1's matrix row names none anyway.
			.andExpect(jsonPath("$.recipients[*].role", not(hasItem("SECURITY"))));
	}

	@Test
	void aSeverityChangeTheFlagAndATeamChangeShowAtOnce() throws Exception {
		String key = risk("SUPPORT", "S1");
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S0\", \"reason\": \"Cancellation notice received\"}")).andExpect(status().isOk());

		recipients(key).andExpect(jsonPath("$.severity").value("S0"))
			.andExpect(jsonPath("$.channels", contains("EMAIL", "LIVE_CALL")))
			.andExpect(jsonPath("$.recipients[*].role", contains("AE", "CS_LEADER", "SUPPORT_LEAD", "SPONSOR")))
			.andExpect(jsonPath("$.recipients[0].addresses.LIVE_CALL").value(startsWith("avery.exec.")))
			// Nobody on the team is the CS leader: the directory's person who signs in as one is.
			.andExpect(jsonPath("$.recipients[1].personName").value("Casey Brooks"))
			.andExpect(jsonPath("$.recipients[1].addresses.EMAIL").value("casey.brooks@riskdesk.example"))
			.andExpect(jsonPath("$.gaps[*].role", containsInAnyOrder("ENG_LEAD", "EXEC")))
			.andExpect(jsonPath("$.gaps[?(@.role == 'EXEC')].reason", contains("The account has no Executive contact.")));

		// The flag brings Security and Legal in for a SUPPORT risk; nobody holds Legal.
		mvc.perform(asAlex(patch("/api/risks/{key}", key)).header(HttpHeaders.IF_MATCH, "\"1\"")
			.content("{\"securityLegalApplicable\": true}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.securityLegalApplicable").value(true));
		recipients(key).andExpect(jsonPath("$.recipients[*].role", contains("AE", "CS_LEADER", "SUPPORT_LEAD", "SECURITY", "SPONSOR")))
			.andExpect(jsonPath("$.recipients[3].personId").value(security))
			.andExpect(jsonPath("$.gaps[*].role", containsInAnyOrder("ENG_LEAD", "LEGAL", "EXEC")));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'UPDATED')].summary", hasItem("Changed security/legal applicable")));

		// An engineering lead joins the team: the next read has them and no longer the gap.
		long engLead = fixtures.person("Eli Engineer");
		mvc.perform(asAlex(put("/api/accounts/{id}", account)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content(accountJson("\"AE\": %d, \"SUPPORT_LEAD\": %d, \"SECURITY\": %d, \"ENG_LEAD\": %d"
				.formatted(ae, supportLead, security, engLead))))
			.andExpect(status().isOk());
		recipients(key)
			.andExpect(jsonPath("$.recipients[*].role", contains("AE", "CS_LEADER", "SUPPORT_LEAD", "ENG_LEAD", "SECURITY", "SPONSOR")))
			.andExpect(jsonPath("$.gaps[*].role", containsInAnyOrder("LEGAL", "EXEC")));

		mvc.perform(asAlex(patch("/api/risks/{key}", key)).header(HttpHeaders.IF_MATCH, "\"2\"")
			.content("{\"securityLegalApplicable\": false}"))
			.andExpect(jsonPath("$.securityLegalApplicable").value(false));
		recipients(key).andExpect(jsonPath("$.recipients[*].role", not(hasItem("SECURITY"))))
			.andExpect(jsonPath("$.gaps[*].role", not(hasItem("LEGAL"))));
	}

	@Test
	void anIncidentTellsSecurityAndLegalWithoutTheFlag() throws Exception {
		String key = risk("INCIDENT", "S0");

		recipients(key).andExpect(jsonPath("$.recipients[*].role", contains("AE", "CS_LEADER", "SUPPORT_LEAD", "SECURITY", "SPONSOR")))
			.andExpect(jsonPath("$.gaps[*].role", containsInAnyOrder("ENG_LEAD", "LEGAL", "EXEC")))
			.andExpect(jsonPath("$.gaps[?(@.role == 'LEGAL')].side", contains("INTERNAL")));
	}

	@Test
	void aRiskWithoutSeverityHasNobodyAndSaysWhy() throws Exception {
		String key = fixtures.risk(account, "Usage dropped");

		recipients(key).andExpect(status().isOk())
			.andExpect(jsonPath("$.severity").isEmpty())
			.andExpect(jsonPath("$.channels", empty()))
			.andExpect(jsonPath("$.recipients", empty()))
			.andExpect(jsonPath("$.gaps[0].reason")
				.value("The risk has no severity yet: set one to know whom the escalation matrix tells."));
	}

	@Test
	void anUnknownRiskIsNotFound() throws Exception {
		recipients("NOPE-999999").andExpect(status().isNotFound());
	}

	@Test
	void theFlagMustBeABoolean() throws Exception {
		String key = risk("SUPPORT", "S2");
		mvc.perform(asAlex(patch("/api/risks/{key}", key)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"securityLegalApplicable\": \"perhaps\"}"))
			.andExpect(status().isBadRequest());
	}

	private ResultActions recipients(String key) throws Exception {
		return mvc.perform(asAlex(get("/api/risks/{key}/recipients", key)));
	}

	private String risk(String category, String severity) throws Exception {
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Checkout failing", "category": "%s", "severity": "%s"}"""
			.formatted(account, category, severity)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.key");
	}

	private String accountJson(String team) {
		return """
				{"name": "%s", "segment": "ENTERPRISE", "country": "US", "timeZone": "America/Chicago",
				 "team": {%s},
				 "contacts": [{"role": "SPONSOR", "name": "Dana Fox", "email": "dana@fox.example"},
				              {"role": "POC", "name": "Pat Point"}]}""".formatted(accountName, team);
	}

	private long personWithoutSlack(String name) throws Exception {
		return created(asAlex(post("/api/people")).content("""
				{"name": "%s", "email": "%s@test.example"}""".formatted(name, unique())));
	}

	private long created(MockHttpServletRequestBuilder request)
			throws Exception {
		String body = mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
