package io.riskdesk.risk;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
@Transactional
class RiskApiTest {

	@Autowired
	MockMvc mvc;

	ApiFixtures fixtures;

	long owner;

	long account;

	@BeforeEach
	void setUp() throws Exception {
		fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Ada Owner");
		account = fixtures.account("Acme Rockets", owner);
	}

	@Test
	void logsARiskWithKeyDerivedArrAndTimeline() throws Exception {
		mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Sponsor left the company", "category": "PEOPLE", "severity": "S1",
				 "ownerId": %d, "evidence": ["VP Ops resigned 2026-11-20"]}""".formatted(account, owner)))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(header().string(HttpHeaders.LOCATION, matchesPattern("/api/risks/RISK-\\d{4}-\\d{4}")))
			.andExpect(jsonPath("$.key").value(matchesPattern("RISK-\\d{4}-\\d{4,}")))
			.andExpect(jsonPath("$.status").value("OPEN"))
			.andExpect(jsonPath("$.source").value("MANUAL"))
			.andExpect(jsonPath("$.severity").value("S1"))
			.andExpect(jsonPath("$.owner.name").value("Ada Owner"))
			.andExpect(jsonPath("$.arrAtRisk.amount").value(480000))
			.andExpect(jsonPath("$.arrAtRisk.currency").value("USD"))
			.andExpect(jsonPath("$.renewalDate").value("2027-01-31"))
			.andExpect(jsonPath("$.triageSteps[0].step").value("LOG_RISK"))
			.andExpect(jsonPath("$.allowedTransitions", contains("TRIAGED")));
	}

	@Test
	void walksTheWholeWorkflowAndRecordsEveryStepOnTheTimeline() throws Exception {
		String key = fixtures.risk(account, "API errors at 5%");

		transition(key, """
				{"to": "TRIAGED", "severity": "S1", "ownerId": %d}""".formatted(owner))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("TRIAGED"))
			.andExpect(jsonPath("$.triagedAt").isNotEmpty());

		// ACTIVE needs the remaining triage steps first.
		transition(key, "{\"to\": \"ACTIVE\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.missingTriageSteps",
					containsInAnyOrder("CREATE_CAP", "NOTIFY_STAKEHOLDERS", "SET_CADENCE")));
		step(key, "{\"step\": \"CREATE_CAP\", \"note\": \"Hotfix by Friday; monitoring 72 h\"}").andExpect(status().isOk());
		step(key, "{\"step\": \"NOTIFY_STAKEHOLDERS\", \"note\": \"POC, sponsor, AE by email and Slack\"}")
			.andExpect(status().isOk());
		step(key, "{\"step\": \"SET_CADENCE\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.cadence").value("THREE_TIMES_WEEKLY"));
		transition(key, "{\"to\": \"ACTIVE\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"))
			.andExpect(jsonPath("$.missingTriageSteps", hasSize(0)));

		transition(key, """
				{"to": "RESOLVED", "rootCause": "Connection pool exhausted", "preventionItems": [{"text": "Alert on pool usage", "owner": "Lisa Wong", "due": "2026-12-18"}]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rootCause").value("Connection pool exhausted"))
			.andExpect(jsonPath("$.preventionItems[*].text", contains("Alert on pool usage")))
			.andExpect(jsonPath("$.preventionItems[0].owner").value("Lisa Wong"))
			.andExpect(jsonPath("$.preventionItems[0].due").value("2026-12-18"));
		transition(key, "{\"to\": \"ACTIVE\", \"reason\": \"Errors are back\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.resolvedAt").value(nullValue()));
		transition(key, """
				{"to": "RESOLVED", "rootCause": "Pool too small", "preventionItems": [{"text": "Load test before release", "owner": "Lisa Wong", "due": "2026-12-18"}]}""")
			.andExpect(status().isOk());
		// A bare text, as clients sent before owners and due dates, is refused naming what it lacks.
		transition(key, "{\"to\": \"ACTIVE\", \"reason\": \"Back again\"}").andExpect(status().isOk());
		transition(key, """
				{"to": "RESOLVED", "rootCause": "Pool too small", "preventionItems": ["Load test before release"]}""")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("preventionItems[0].owner", "preventionItems[0].due")));
		transition(key, """
				{"to": "RESOLVED", "rootCause": "Pool too small", "preventionItems": [{"text": "Load test before release", "owner": "Lisa Wong", "due": "2026-12-18"}]}""")
			.andExpect(status().isOk());
		transition(key, "{\"to\": \"CLOSED\", \"outcome\": \"RETAINED\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("summary"));
		transition(key, "{\"to\": \"CLOSED\", \"summary\": \"Pool resized, renewed\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("outcome"));
		transition(key, "{\"to\": \"CLOSED\", \"outcome\": \"RETAINED\", \"summary\": \"Pool resized, renewed\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.outcome").value("RETAINED"))
			.andExpect(jsonPath("$.closingSummary").value("Pool resized, renewed"))
			.andExpect(jsonPath("$.triageCompletedAt").isNotEmpty())
			.andExpect(jsonPath("$.closedAt").isNotEmpty())
			.andExpect(jsonPath("$.allowedTransitions", hasSize(0)));

		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("LOGGED"))
			.andExpect(jsonPath("$[0].actor").value("alex"))
			.andExpect(jsonPath("$[?(@.kind == 'TRANSITIONED')].summary", contains("OPEN -> TRIAGED", "TRIAGED -> ACTIVE",
					"ACTIVE -> RESOLVED: Root cause: Connection pool exhausted", "RESOLVED -> ACTIVE: Errors are back",
					"ACTIVE -> RESOLVED: Root cause: Pool too small", "RESOLVED -> ACTIVE: Back again",
					"ACTIVE -> RESOLVED: Root cause: Pool too small",
					"RESOLVED -> CLOSED: Outcome: RETAINED. Pool resized, renewed")))
			.andExpect(jsonPath("$[?(@.kind == 'TRANSITIONED')].before",
					contains("OPEN", "TRIAGED", "ACTIVE", "RESOLVED", "ACTIVE", "RESOLVED", "ACTIVE", "RESOLVED")));
	}

	@Test
	void aSeverityChangedAtTriageIsOnTheTimeline() throws Exception {
		String key = fixtures.risk(account, "Sponsor on leave");
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key)).content("{\"severity\": \"S3\", \"reason\": \"Early signal\"}"))
			.andExpect(status().isOk());
		// Changing the severity the risk had takes a reason at triage too.
		transition(key, "{\"to\": \"TRIAGED\", \"severity\": \"S1\", \"ownerId\": %d}".formatted(owner))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		transition(key, "{\"to\": \"TRIAGED\", \"severity\": \"S1\", \"ownerId\": %d, \"reason\": \"Leave confirmed\"}"
			.formatted(owner)).andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'SEVERITY_CHANGED')].summary",
					contains("Severity none -> S3: Early signal", "Severity S3 -> S1: at triage: Leave confirmed")));
		mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "x", "category": "PEOPLE", "detectedAt": "2001-01-01T00:00:00Z"}""".formatted(account)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value("must be within the last 5 years"));
	}

	@Test
	void refusesATransitionThatIsNotAllowedNamingTheAllowedOnes() throws Exception {
		String key = fixtures.risk(account, "Budget freeze");
		transition(key, "{\"to\": \"CLOSED\", \"outcome\": \"CHURNED\"}")
			.andExpect(status().isConflict())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, "application/problem+json"))
			.andExpect(jsonPath("$.detail", containsString("cannot go from OPEN to CLOSED")))
			.andExpect(jsonPath("$.allowedTransitions", contains("TRIAGED")));
	}

	@Test
	void namesTheMissingFieldOfATransition() throws Exception {
		String key = fixtures.risk(account, "Invoice 90 days overdue");
		transition(key, "{\"to\": \"TRIAGED\", \"ownerId\": %d}".formatted(owner))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("severity"))
			.andExpect(jsonPath("$.detail").value("severity is required to triage a risk"));
		transition(key, "{\"to\": \"TRIAGED\", \"severity\": \"S2\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		transition(key, "{\"severity\": \"S2\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"));
		transition(key, "{\"to\": \"DONE\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].reason", containsString("TRIAGED")));
	}

	@Test
	void namesInvalidFieldsOfANewRisk() throws Exception {
		mvc.perform(asAlex(post("/api/risks")).content("{\"accountId\": %d, \"category\": \"MOOD\"}".formatted(account)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));
		mvc.perform(asAlex(post("/api/risks")).content("{\"accountId\": %d, \"category\": \"PEOPLE\"}".formatted(account)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		mvc.perform(asAlex(post("/api/risks")).content("{\"accountId\": 999999, \"title\": \"x\", \"category\": \"PEOPLE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("accountId"));
		mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "x", "category": "PEOPLE", "detectedAt": "2999-01-01T00:00:00Z"}""".formatted(account)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("detectedAt"));
		mvc.perform(asAlex(post("/api/risks")).content("{\"accountId\": %d, \"title\": \"x\", \"category\": \"PEOPLE\", \"colour\": \"red\"}".formatted(account)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("colour"))
			.andExpect(jsonPath("$.errors[0].reason").value("is not a known field"));
	}

	@Test
	void refusesAStaleWriteAndRequiresIfMatchOnUpdate() throws Exception {
		String key = fixtures.risk(account, "Change freeze until Q2");
		mvc.perform(asAlex(patch("/api/risks/{key}", key)).content("{\"title\": \"Change freeze until Q3\"}"))
			.andExpect(status().isPreconditionRequired());
		mvc.perform(asAlex(patch("/api/risks/{key}", key)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"title\": \"Change freeze until Q3\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.title").value("Change freeze until Q3"));
		// A second user still holding version 0 must not overwrite the change.
		mvc.perform(as("morgan", patch("/api/risks/{key}", key)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"title\": \"Change freeze\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(1));
		transition(key, "{\"to\": \"TRIAGED\", \"severity\": \"S3\", \"ownerId\": %d}".formatted(owner), "\"0\"")
			.andExpect(status().isConflict());
		mvc.perform(asAlex(get("/api/risks/{key}", key)))
			.andExpect(jsonPath("$.title").value("Change freeze until Q3"))
			.andExpect(jsonPath("$.status").value("OPEN"));
	}

	@Test
	void changesSeverityOnlyWithAReason() throws Exception {
		String key = fixtures.risk(account, "NPS 4 from the sponsor");
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key)).content("{\"severity\": \"S0\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S0\", \"reason\": \"Cancellation notice received\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.severity").value("S0"));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'SEVERITY_CHANGED')].before", contains("none")))
			.andExpect(jsonPath("$[?(@.kind == 'SEVERITY_CHANGED')].after", contains("S0")))
			.andExpect(jsonPath("$[?(@.kind == 'SEVERITY_CHANGED')].details.reason", contains("Cancellation notice received")));
	}

	@Test
	void recordsDecisionsAndBlockersOpenAndCleared() throws Exception {
		String key = fixtures.risk(account, "SSO outage");
		mvc.perform(asAlex(post("/api/risks/{key}/decisions", key)).content("{\"text\": \"Offer 10% service credit\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.decisions[0].number").value(1))
			.andExpect(jsonPath("$.decisions[0].decidedBy").value("alex"));
		mvc.perform(asAlex(post("/api/risks/{key}/blockers", key)).content("{\"text\": \"Customer IT change freeze\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blockers[0].open").value(true));
		mvc.perform(asAlex(post("/api/risks/{key}/blockers/1/clear", key)).content("{\"text\": \"Freeze lifted\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.blockers[0].open").value(false))
			.andExpect(jsonPath("$.blockers[0].resolution").value("Freeze lifted"));
		mvc.perform(asAlex(post("/api/risks/{key}/blockers/1/clear", key)).content("{\"text\": \"again\"}"))
			.andExpect(status().isConflict());
		mvc.perform(asAlex(post("/api/risks/{key}/blockers/7/clear", key)).content("{\"text\": \"x\"}"))
			.andExpect(status().isNotFound());
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[*].kind", contains("LOGGED", "DECISION", "BLOCKER_RAISED", "BLOCKER_CLEARED")));
	}

	@Test
	void filtersSortsAndPagesTheRegister() throws Exception {
		long other = fixtures.account("Umbrella Freight", owner);
		String first = fixtures.risk(account, "Usage down 35% on the Acme rollout");
		String second = fixtures.risk(account, "Renewal paperwork stuck in procurement");
		String third = fixtures.risk(other, "Usage down 40% in 14 days");
		mvc.perform(asAlex(post("/api/risks/{key}/severity", second)).content("{\"severity\": \"S0\", \"reason\": \"D-30\"}"));

		mvc.perform(asAlex(get("/api/risks").param("accountId", String.valueOf(account)).param("sort", "key,desc")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[*].key", contains(second, first)))
			.andExpect(jsonPath("$.page.totalElements").value(2));
		mvc.perform(asAlex(get("/api/risks").param("q", "usage down").param("ownerId", "").param("size", "1")
			.param("sort", "key")))
			.andExpect(jsonPath("$.page.size").value(1))
			.andExpect(jsonPath("$.content", hasSize(1)));
		mvc.perform(asAlex(get("/api/risks").param("q", "usage down 40%")))
			.andExpect(jsonPath("$.content[*].key", contains(third)));
		mvc.perform(asAlex(get("/api/risks").param("accountId", String.valueOf(account)).param("severity", "S0")))
			.andExpect(jsonPath("$.content[*].key", contains(second)))
			.andExpect(jsonPath("$.content[0].owner").value(nullValue()))
			.andExpect(jsonPath("$.content[0].arrAtRisk.amount").value(480000));
		mvc.perform(asAlex(get("/api/risks").param("accountId", String.valueOf(account)).param("severity", "S9")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("severity"));
		String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
		String yesterday = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();
		mvc.perform(asAlex(get("/api/risks").param("accountId", String.valueOf(account)).param("detectedFrom", today)
			.param("detectedTo", today)))
			.andExpect(jsonPath("$.page.totalElements").value(2));
		mvc.perform(asAlex(get("/api/risks").param("accountId", String.valueOf(account)).param("detectedTo", yesterday)))
			.andExpect(jsonPath("$.page.totalElements").value(0));
		mvc.perform(asAlex(get("/api/risks").param("accountId", String.valueOf(account)).param("closedFrom", yesterday)))
			.andExpect(jsonPath("$.page.totalElements").value(0));
		mvc.perform(asAlex(get("/api/risks").param("detectedFrom", "2026-13-01")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("detectedFrom"));
		mvc.perform(asAlex(get("/api/risks").param("sort", "colour")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void answers404ForAnUnknownKey() throws Exception {
		mvc.perform(asAlex(get("/api/risks/RISK-1999-0001")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Risk RISK-1999-0001 not found"));
	}

	private org.springframework.test.web.servlet.ResultActions transition(String key, String body) throws Exception {
		return mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content(body));
	}

	private org.springframework.test.web.servlet.ResultActions transition(String key, String body, String ifMatch)
			throws Exception {
		return mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).header(HttpHeaders.IF_MATCH, ifMatch)
			.content(body));
	}

	private org.springframework.test.web.servlet.ResultActions step(String key, String body) throws Exception {
		return mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key)).content(body));
	}

}
