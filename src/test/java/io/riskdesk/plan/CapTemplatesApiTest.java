package io.riskdesk.plan;

import java.time.Instant;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Applying the playbook's CAP templates through the API: owners from the account team by role,
 * due dates from the test clock in the account's business calendar, a preview that writes
 * nothing, and the CREATE_CAP triage step recorded once.
 */
@RiskdeskTest
@Transactional
class CapTemplatesApiTest {

	/** Friday 2026-11-20 15:00 in Chicago; Thursday 2026-11-26 is Thanksgiving, a US public holiday. */
	private static final Instant FRIDAY_3PM = Instant.parse("2026-11-20T21:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	ApiFixtures fixtures;

	String supportLead;

	String csm;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(FRIDAY_3PM);
		fixtures = new ApiFixtures(mvc);
		csm = "Cora Template " + System.nanoTime();
		supportLead = "Sol Template " + System.nanoTime();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/** An INCIDENT risk owned by the CSM of an account whose team has a CSM and a support lead, but no engineering lead. */
	private String incident() throws Exception {
		long csmId = fixtures.person(csm);
		long supportLeadId = fixtures.person(supportLead);
		String account = mvc.perform(asAlex(post("/api/accounts")).content("""
				{"name": "Template Foods %d", "arr": {"amount": 250000, "currency": "USD"}, "segment": "ENTERPRISE",
				 "country": "US", "timeZone": "America/Chicago", "team": {"CSM": %d, "SUPPORT_LEAD": %d}}"""
			.formatted(System.nanoTime(), csmId, supportLeadId))).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString();
		String risk = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Checkout outage", "category": "INCIDENT", "severity": "S0", "ownerId": %d}"""
			.formatted(((Number) JsonPath.read(account, "$.id")).longValue(), csmId))).andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return JsonPath.read(risk, "$.key");
	}

	private List<String> createCapSteps(String key) throws Exception {
		return JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}", key))).andReturn().getResponse().getContentAsString(),
				"$.triageSteps[?(@.step == 'CREATE_CAP')].note");
	}

	@Test
	void thePreviewCountsHoursAsTheyPassAndBusinessDaysAcrossTheWeekendAndAHolidayAndWritesNothing() throws Exception {
		String key = incident();

		mvc.perform(asAlex(get("/api/risks/{key}/milestones/template", key)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.category").value("INCIDENT"))
			.andExpect(jsonPath("$.start").value("2026-11-20T21:00:00Z"))
			.andExpect(jsonPath("$.milestones[*].title", contains("Incident acknowledged to the customer", "Hotfix deployed",
					"Monitoring period passed", "RCA delivered", "Prevention items scheduled")))
			// 2 h: Friday 17:00; 24 h: Saturday; 72 h: Monday, all in Chicago.
			// 5 business days from Friday 15:00 skip the weekend and Thanksgiving: Mon, Tue, Wed, Fri, Mon 30th.
			.andExpect(jsonPath("$.milestones[*].due",
					contains("2026-11-20", "2026-11-21", "2026-11-23", "2026-11-30", "2026-12-07")))
			.andExpect(jsonPath("$.milestones[*].offset",
					contains("2 hours", "24 hours", "72 hours", "5 business days", "10 business days")))
			.andExpect(jsonPath("$.milestones[*].ownerRole",
					contains("SUPPORT_LEAD", "ENG_LEAD", "SUPPORT_LEAD", "ENG_LEAD", "ENG_LEAD")))
			// Nobody is the engineering lead: the risk's owner has those milestones.
			.andExpect(jsonPath("$.milestones[*].owner", contains(supportLead, csm, supportLead, csm, csm)))
			.andExpect(jsonPath("$.milestones[*].ownerFromTeam", contains(true, false, true, false, false)))
			.andExpect(jsonPath("$.milestones[1].successCriterion")
				.value("The fix is live in production and the failing path verified with the customer"))
			.andExpect(jsonPath("$.unfilledRoles", contains("ENG_LEAD")))
			.andExpect(jsonPath("$.fallbackOwner").value(csm));

		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')]", hasSize(0)));
		assertThat(createCapSteps(key)).isEmpty();
	}

	@Test
	void applyingCreatesEveryMilestoneAndRecordsCreateCapOnlyTheFirstTime() throws Exception {
		String key = incident();

		mvc.perform(asAlex(post("/api/risks/{key}/milestones/template", key)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.category").value("INCIDENT"))
			.andExpect(jsonPath("$.milestones", hasSize(5)))
			.andExpect(jsonPath("$.milestones[3].title").value("RCA delivered"))
			.andExpect(jsonPath("$.milestones[3].owner").value(csm))
			.andExpect(jsonPath("$.milestones[3].due").value("2026-11-30"))
			.andExpect(jsonPath("$.milestones[3].status").value("TODO"))
			.andExpect(jsonPath("$.unfilledRoles", contains("ENG_LEAD")));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[*].due", contains("2026-11-20", "2026-11-21", "2026-11-23", "2026-11-30", "2026-12-07")));
		assertThat(createCapSteps(key)).containsExactly("Milestones from the INCIDENT CAP template");
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary", hasItem("CAP template INCIDENT applied: 5 milestones; "
					+ "ENG_LEAD unfilled in the account team, owned by " + csm)));

		// Another template on the same plan adds its milestones; the plan already existed.
		clock.set(Instant.parse("2026-11-23T15:00:00Z"));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/template", key)).content("{\"category\": \"ADOPTION\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.milestones[*].owner", contains(csm, csm, csm)))
			.andExpect(jsonPath("$.milestones[*].due", contains("2026-11-27", "2026-12-08", "2026-12-15")))
			.andExpect(jsonPath("$.unfilledRoles", contains("PS_LEAD")));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$", hasSize(8)));
		assertThat(createCapSteps(key)).hasSize(1);
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'TRIAGE_STEP')].summary", hasSize(1)));
	}

	@Test
	void refusesAClosedRiskAnUnknownCategoryAndARoleNobodyCanTake() throws Exception {
		String key = incident();
		mvc.perform(asAlex(get("/api/risks/{key}/milestones/template", key)).param("category", "OUTAGE"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"))
			.andExpect(jsonPath("$.errors[0].reason", containsString("must be one of")));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/template", key)).content("{\"category\": \"OUTAGE\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("category"));

		// No owner to fall back to: the roles nobody fills are named, and nothing is written.
		String unowned = fixtures.risk(fixtures.account("Template Unowned", fixtures.person("Una Template")), "Outage");
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/template", unowned)).content("{\"category\": \"INCIDENT\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.unfilledRoles", contains("SUPPORT_LEAD", "ENG_LEAD")))
			.andExpect(jsonPath("$.detail", containsString("the risk has no owner")));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", unowned))).andExpect(jsonPath("$", hasSize(0)));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones/template", unowned))).andExpect(status().isConflict())
			.andExpect(jsonPath("$.unfilledRoles", contains("SUPPORT_LEAD", "ENG_LEAD")));

		String original = fixtures.risk(fixtures.account("Template Original", fixtures.person("Orla Template")), "Same");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"CLOSED\", \"duplicateOf\": \"" + original + "\"}")).andExpect(status().isOk());
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/template", key)))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is closed; its plan cannot change")));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones/template", key))).andExpect(status().isConflict());
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void readersMayPreviewButNotApply() throws Exception {
		String key = incident();
		mvc.perform(as("jordan", get("/api/risks/{key}/milestones/template", key))).andExpect(status().isOk());
		mvc.perform(as("jordan", post("/api/risks/{key}/milestones/template", key))).andExpect(status().isForbidden());
	}

}
