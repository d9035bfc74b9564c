package io.riskdesk.concession;

import java.time.LocalDate;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Concessions through the API: approval limits per role (the playbook's defaults, in USD), the
 * state machine, optimistic locking, the timeline and the register's filter.
 */
@RiskdeskTest
@Transactional
class ConcessionApiTest {

	@Autowired
	MockMvc mvc;

	ApiFixtures fixtures;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		fixtures = new ApiFixtures(mvc);
		key = fixtures.risk(fixtures.account("Concession Co", fixtures.person("Concession Owner")), "Outage credits");
	}

	/** At, just below and just above each limit; EXEC has none. */
	@ParameterizedTest
	@CsvSource(textBlock = """
			alex,   9999.99,    200,
			alex,   10000,      200,
			alex,   10000.01,   403, 'CS_MANAGER,CS_LEADER,EXEC'
			morgan, 49999.99,   200,
			morgan, 50000,      200,
			morgan, 50000.01,   403, 'CS_LEADER,EXEC'
			casey,  149999.99,  200,
			casey,  150000,     200,
			casey,  150000.01,  403, EXEC
			jordan, 9999999.99, 200,
			""")
	void approvesWithinTheApproversLimit(String approver, String amount, int expected, String rolesThatCan)
			throws Exception {
		long id = propose("{\"kind\": \"PENALTY_WAIVER\", \"description\": \"Waive the late fee\", \"amount\": " + amount + "}");

		ResultActions answer = mvc.perform(move(approver, id, "\"0\"", "{\"to\": \"APPROVED\", \"reason\": \"Goodwill\"}"))
			.andExpect(status().is(expected));
		if (expected == 403) {
			answer.andExpect(jsonPath("$.rolesThatCanApprove").value(contains(rolesThatCan.split(","))))
				.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(
						"only " + rolesThatCan.replace("CS_MANAGER", "CS manager").replace("CS_LEADER", "CS leader")
							.replace("EXEC", "Executive").replace(",", ", ") + " can approve it")));
			// Nothing was written: it still awaits approval.
			mvc.perform(asAlex(get("/api/risks/{key}/concessions/{id}", key, id)))
				.andExpect(jsonPath("$.status").value("PROPOSED"))
				.andExpect(header().string(HttpHeaders.ETAG, "\"0\""));
		}
		else {
			answer.andExpect(jsonPath("$.status").value("APPROVED"))
				.andExpect(jsonPath("$.decidedBy").value(approver))
				.andExpect(jsonPath("$.decisionReason").value("Goodwill"));
		}
	}

	@Test
	void aRefusalNamesTheLimitAndTheRolesThatCan() throws Exception {
		long id = propose("{\"kind\": \"DEDICATED_TAM\", \"description\": \"A TAM for a year\", \"amount\": 12000}");

		mvc.perform(move("alex", id, "\"0\"", "{\"to\": \"APPROVED\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"))
			.andExpect(jsonPath("$.detail").value("A concession of USD 12,000.00 is above the CSM approval limit "
					+ "(USD 10,000.00); only CS manager, CS leader, Executive can approve it"));
	}

	@Test
	void aValueInAnotherCurrencyIsConvertedBeforeTheLimit() throws Exception {
		String eurKey = fixtures.risk(fixtures.account("Euro Co", "200000", "EUR", LocalDate.parse("2027-06-30")), "EUR");
		// At 1.08 USD per EUR: 9,250 EUR is 9,990 USD (within 10,000); 9,300 EUR is 10,044 USD (above).
		long within = propose(eurKey, "{\"kind\": \"OTHER\", \"description\": \"Training days\", \"amount\": 9250}");
		long above = propose(eurKey, "{\"kind\": \"OTHER\", \"description\": \"More training\", \"amount\": 9300}");

		mvc.perform(move("alex", eurKey, within, "\"0\"", "{\"to\": \"APPROVED\"}")).andExpect(status().isOk());
		mvc.perform(move("alex", eurKey, above, "\"0\"", "{\"to\": \"APPROVED\"}"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
					"A concession of EUR 9,300.00 (USD 10044.00 at the configured rates) is above the CSM approval limit")));
	}

	@Test
	void movesThroughItsStatesOnTheVersionItWasReadAt() throws Exception {
		long id = propose("{\"kind\": \"SERVICE_CREDIT\", \"description\": \"One month's credit\", \"amount\": 4000}");

		mvc.perform(move("alex", id, "\"0\"", "{\"to\": \"OFFERED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith(
					"A concession cannot go from PROPOSED to OFFERED; allowed from PROPOSED: ")))
			.andExpect(jsonPath("$.allowedTransitions").value(org.hamcrest.Matchers.containsInAnyOrder("APPROVED", "REJECTED")));
		mvc.perform(move("alex", id, null, "{\"to\": \"APPROVED\"}")).andExpect(status().isPreconditionRequired());
		mvc.perform(move("alex", id, "\"0\"", "{\"to\": \"APPROVED\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""));
		// Based on the version before the approval: refused, whatever it asks.
		mvc.perform(move("alex", id, "\"0\"", "{\"to\": \"OFFERED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(1));
		mvc.perform(move("alex", id, "\"1\"", "{\"to\": \"OFFERED\"}")).andExpect(status().isOk());
		mvc.perform(move("alex", id, "\"2\"", "{\"to\": \"ACCEPTED\", \"reason\": \"Signed on the call\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACCEPTED"))
			.andExpect(jsonPath("$.answerNote").value("Signed on the call"))
			.andExpect(jsonPath("$.allowedMoves").isEmpty());
		mvc.perform(move("alex", id, "\"3\"", "{\"to\": \"DECLINED\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("A concession cannot go from ACCEPTED to DECLINED; allowed from ACCEPTED: none: it is final"));

		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'CONCESSION')].summary", contains(
					"Concession proposed: Service credit, USD 4,000.00: One month's credit",
					"Concession approved (CSM): Service credit, USD 4,000.00",
					"Concession offered to the customer: Service credit, USD 4,000.00",
					"Customer accepted the concession: Service credit, USD 4,000.00 (Signed on the call)")));
		mvc.perform(asAlex(get("/api/risks/{key}/concessions", key)))
			.andExpect(jsonPath("$.totals[0].currency").value("USD"))
			.andExpect(jsonPath("$.totals[0].approved").value(4000.0))
			.andExpect(jsonPath("$.totals[0].offered").value(4000.0))
			.andExpect(jsonPath("$.totals[0].accepted").value(4000.0));
	}

	@Test
	void aRejectionNeedsAReasonAndIsFinal() throws Exception {
		long id = propose("{\"kind\": \"CUSTOM_DEVELOPMENT\", \"description\": \"SSO connector\", \"amount\": 80000}");

		mvc.perform(move("morgan", id, "\"0\"", "{\"to\": \"REJECTED\", \"reason\": \" \"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(move("morgan", id, "\"0\"", "{\"to\": \"REJECTED\", \"reason\": \"Not on the roadmap\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decidedBy").value("morgan"))
			.andExpect(jsonPath("$.decidedRole").value("CS_MANAGER"))
			.andExpect(jsonPath("$.decisionReason").value("Not on the roadmap"));
		mvc.perform(move("casey", id, "\"1\"", "{\"to\": \"APPROVED\"}")).andExpect(status().isConflict());
	}

	@Test
	void anExecutiveApprovesAndRejectsButRecordsNothingElse() throws Exception {
		long id = propose("{\"kind\": \"EXECUTIVE_SPONSOR\", \"description\": \"Our CTO joins the QBR\", \"amount\": 0}");

		mvc.perform(move("jordan", id, "\"0\"", "{\"to\": \"APPROVED\"}")).andExpect(status().isOk());
		mvc.perform(move("jordan", id, "\"1\"", "{\"to\": \"OFFERED\"}")).andExpect(status().isForbidden());
		mvc.perform(as("jordan", post("/api/risks/{key}/concessions", key))
			.content("{\"kind\": \"OTHER\", \"description\": \"x\", \"amount\": 1}")).andExpect(status().isForbidden());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			{"kind": "PENALTY_WAIVER", "description": "Waiver", "percentOfFees": 5}                          | percentOfFees
			{"kind": "SERVICE_CREDIT", "description": "Credit", "amount": 100, "percentOfFees": 5}           | amount
			{"kind": "SERVICE_CREDIT", "description": "Credit"}                                              | amount
			{"kind": "OTHER", "description": "Other", "amount": 100, "currency": "EUR"}                       | currency
			{"kind": "OTHER", "description": " ", "amount": 100}                                              | description
			{"kind": "OTHER", "description": "Other", "amount": -1}                                           | amount
			{"kind": "GIFT", "description": "Other", "amount": 1}                                             | kind
			{"kind": "SERVICE_CREDIT", "description": "Credit", "percentOfFees": 101}                        | percentOfFees
			{"kind": "SERVICE_CREDIT", "description": "Credit", "percentOfFees": 5, "fees": {"amount": 9, "currency": "EUR"}} | fees.currency
			""")
	void refusesABadProposalNamingTheField(String json, String field) throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/concessions", key)).content(json))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value(field));
		mvc.perform(asAlex(get("/api/risks/{key}/concessions", key))).andExpect(jsonPath("$.concessions").isEmpty());
	}

	@Test
	void aServiceCreditAsAPercentageOfFeesIsOfTheAccountsArrUnlessFeesAreGiven() throws Exception {
		// The fixture account's ARR is USD 480,000: 5% is 24,000.00; 2.5% of 33,333.33 is 833.33 (half up).
		mvc.perform(asAlex(post("/api/risks/{key}/concessions", key))
			.content("{\"kind\": \"SERVICE_CREDIT\", \"description\": \"5% of ARR\", \"percentOfFees\": 5}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.value.amount").value(24000.0))
			.andExpect(jsonPath("$.value.currency").value("USD"))
			.andExpect(jsonPath("$.fees.amount").value(480000.0));
		mvc.perform(asAlex(post("/api/risks/{key}/concessions", key)).content("""
				{"kind": "SERVICE_CREDIT", "description": "Of a month", "percentOfFees": 2.5,
				 "fees": {"amount": 33333.33, "currency": "USD"}}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.value.amount").value(833.33));
	}

	@Test
	void theRegisterFiltersRisksWithConcessionsAwaitingApproval() throws Exception {
		long id = propose("{\"kind\": \"OTHER\", \"description\": \"Free seats\", \"amount\": 2500}");

		mvc.perform(asAlex(get("/api/risks").param("concessionsPending", "true").param("size", "200")))
			.andExpect(jsonPath("$.content[*].key", hasItem(key)));
		mvc.perform(asAlex(get("/api/risks").param("concessionsPending", "false").param("size", "200").param("q", key)))
			.andExpect(jsonPath("$.content[*].key", not(hasItem(key))));

		mvc.perform(move("alex", id, "\"0\"", "{\"to\": \"APPROVED\"}")).andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/risks").param("concessionsPending", "true").param("size", "200")))
			.andExpect(jsonPath("$.content[*].key", not(hasItem(key))));
		mvc.perform(asAlex(get("/api/risks").param("concessionsPending", "false").param("q", key)))
			.andExpect(jsonPath("$.content[0].key").value(key))
			.andExpect(jsonPath("$.content[0].approvedConcessions[0].amount").value(2500.0))
			.andExpect(jsonPath("$.content[0].approvedConcessions[0].currency").value("USD"));
	}

	private long propose(String json) throws Exception {
		return propose(key, json);
	}

	private long propose(String riskKey, String json) throws Exception {
		String body = mvc.perform(asAlex(post("/api/risks/{key}/concessions", riskKey)).content(json))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.status").value("PROPOSED"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(body, "$.id")).longValue();
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder move(String user, long id,
			String ifMatch, String json) {
		return move(user, key, id, ifMatch, json);
	}

	private org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder move(String user, String riskKey,
			long id, String ifMatch, String json) {
		var request = as(user, post("/api/risks/{key}/concessions/{id}/transitions", riskKey, id)).content(json);
		return ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch);
	}

}
