package io.riskdesk.concession;

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

/** The concessions panel of the risk page and the account's concessions, as htmx loads and posts them. */
@RiskdeskTest
@Transactional
class ConcessionPanelTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Concessions concessions;

	String key;

	long accountId;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		accountId = fixtures.account("Panel Concession Co", fixtures.person("Panel Owner"));
		key = fixtures.risk(accountId, "Credits asked for");
	}

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username, String role) {
		return request.header("HX-Request", "true").with(user(username).roles(role)).with(csrf());
	}

	@Test
	void proposesARefusesAboveTheLimitAndShowsTheTotals() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/concessions", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No concession yet."), containsString("Propose concession"),
					containsString("Service-credit calculator"))));
		mvc.perform(htmx(post("/risks/{key}/concessions", key).param("kind", "SERVICE_CREDIT")
			.param("description", "Two months of credit").param("amount", "20000"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Concession proposed; it awaits approval."),
					containsString("Two months of credit"), containsString("1 awaiting approval"))));
		long id = concessions.of(key).get(0).id();

		mvc.perform(htmx(post("/risks/{key}/concessions/{id}/move", key, id).param("version", "0").param("to", "APPROVED"),
				"alex", "CSM"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("only CS manager, CS leader, Executive can approve it")));
		mvc.perform(htmx(post("/risks/{key}/concessions/{id}/move", key, id).param("version", "0").param("to", "APPROVED"),
				"morgan", "CS_MANAGER"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Concession approved."), containsString("Approved <strong>USD 20,000.00"),
					containsString("Offer to customer"))));
		// The form of the version before the approval is stale.
		mvc.perform(htmx(post("/risks/{key}/concessions/{id}/move", key, id).param("version", "0").param("to", "OFFERED"),
				"alex", "CSM"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("was changed by someone else")));

		mvc.perform(htmx(get("/accounts/{id}/concessions", accountId), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(key), containsString("Two months of credit"),
					containsString("Approved <strong>USD 20,000.00"))));
		mvc.perform(get("/risks").param("concessionsPending", "true").param("q", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("0 risks")));
	}

	/** Cents count at an approval limit: 10,000.01 is above a CSM's, so the lists may not show it as 10,000. */
	@Test
	void valuesAreShownToTheCent() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/concessions", key).param("kind", "PENALTY_WAIVER")
			.param("description", "Late fee").param("amount", "10000.01"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("USD 10,000.01")));
		mvc.perform(htmx(get("/accounts/{id}/concessions", accountId), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("USD 10,000.01")));
	}

	@Test
	void anExecutiveSeesOnlyTheDecisions() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/concessions", key).param("kind", "OTHER").param("description", "Seats")
			.param("amount", "500"), "alex", "CSM")).andExpect(status().isOk());

		mvc.perform(htmx(get("/risks/{key}/concessions", key), "jordan", "EXEC"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">Approve<"), containsString(">Reject<"),
					not(containsString("Propose concession")), not(containsString("Service-credit calculator")))));
	}

	@Test
	void theCalculatorShowsItsStepsAndProposesTheCredit() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/concessions/sla-credit", key).param("uptimeTargetPercent", "99.9")
			.param("period", "MONTH").param("periodStart", "2025-11-01").param("feesAmount", "40000")
			.param("feesCurrency", "USD").param("capPercent", "100")
			.param("tiers[0].belowPercent", "99.9").param("tiers[0].creditPercent", "10")
			.param("tiers[1].belowPercent", "95").param("tiers[1].creditPercent", "50")
			.param("outages[0].start", "2025-11-03T00:00").param("outages[0].end", "2025-11-05T00:00")
			.param("outages[0].scope", "ALL_USERS"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("SLA breached"), containsString("93.3333%"),
					containsString("USD 20,000.00"), containsString("Propose as service credit"))));

		mvc.perform(htmx(post("/risks/{key}/concessions/sla-credit", key).param("uptimeTargetPercent", "100")
			.param("period", "MONTH").param("periodStart", "2025-11-01").param("feesAmount", "40000")
			.param("feesCurrency", "USD").param("capPercent", "100")
			.param("tiers[0].belowPercent", "99").param("tiers[0].creditPercent", "10"), "alex", "CSM"))
			.andExpect(status().is(422))
			.andExpect(content().string(containsString("Not calculated")));
	}

}
