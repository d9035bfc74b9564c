package io.riskdesk.plan;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Changing a milestone through the API: what may change, on which version, and what the timeline says. */
@RiskdeskTest
@Transactional
class MilestoneApiTest {

	@Autowired
	MockMvc mvc;

	String key;

	long id;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		key = fixtures.risk(fixtures.account("Milestone Co", fixtures.person("Milestone Owner")), "Rollout stalled");
		String added = mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"Hotfix\", \"owner\": \"Priya\", \"due\": \"2027-01-15\"}"))
			.andExpect(status().isCreated())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.version").value(0))
			.andReturn()
			.getResponse()
			.getContentAsString();
		id = ((Number) JsonPath.read(added, "$.id")).longValue();
	}

	private MockHttpServletRequestBuilder change(String ifMatch, String json) {
		MockHttpServletRequestBuilder request = asAlex(patch("/api/risks/{key}/milestones/{id}", key, id)).content(json);
		return ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch);
	}

	@Test
	void changesWhatIsSentOnTheVersionItWasReadAt() throws Exception {
		mvc.perform(change("\"0\"", "{\"title\": \" Ship the hotfix \", \"due\": \"2027-01-22\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.title").value("Ship the hotfix"))
			.andExpect(jsonPath("$.owner").value("Priya"))
			.andExpect(jsonPath("$.due").value("2027-01-22"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary",
					hasItem("Milestone changed: Ship the hotfix (due 2027-01-15 -> 2027-01-22; title was Hotfix)")))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].before", hasItem("Priya: Hotfix (due 2027-01-15)")))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].after", hasItem("Priya: Ship the hotfix (due 2027-01-22)")));

		// Based on the version before that change: refused, and nothing of it is written.
		mvc.perform(change("\"0\"", "{\"owner\": \"Lisa Wong\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail").value("Milestone " + id + " was changed by someone else (your version 0, "
					+ "current version 1); reload it and apply your change again"))
			.andExpect(jsonPath("$.currentVersion").value(1));
		mvc.perform(change(null, "{\"owner\": \"Lisa Wong\"}")).andExpect(status().isPreconditionRequired());
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$[0].owner").value("Priya"));

		// Marking it done is a change too: an edit read before is stale.
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/{id}/done", key, id))).andExpect(jsonPath("$.version").value(2));
		mvc.perform(change("\"1\"", "{\"owner\": \"Lisa Wong\"}")).andExpect(status().isConflict());
		mvc.perform(change("\"2\"", "{\"owner\": \"Lisa Wong\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.owner").value("Lisa Wong"));
	}

	@Test
	void aChangeThatChangesNothingKeepsTheVersion() throws Exception {
		mvc.perform(change("\"0\"", "{\"title\": \"Hotfix\", \"owner\": \"Priya\"}"))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.summary =~ /Milestone changed.*/)]").isEmpty());
	}

	@Test
	void namesEveryInvalidFieldAndTheUnknownMilestone() throws Exception {
		mvc.perform(change("\"0\"", "{\"title\": \" \", \"owner\": \"" + "x".repeat(201) + "\", \"due\": \"1999-01-01\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", containsInAnyOrder("due", "owner", "title")))
			.andExpect(jsonPath("$.errors[?(@.field == 'title')].reason", hasItem("is required")));
		mvc.perform(change("\"0\"", "{\"due\": \"next week\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("due"))
			.andExpect(jsonPath("$.errors[0].reason").value("must be a date such as 2026-12-31"));
		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, 987654321L)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"title\": \"x\"}"))
			.andExpect(status().isNotFound());
	}

	@Test
	void aClosedRisksMilestonesAreFinalAndReadersMayNotChangeThem() throws Exception {
		mvc.perform(as("jordan", patch("/api/risks/{key}/milestones/{id}", key, id)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"title\": \"x\"}"))
			.andExpect(status().isForbidden());
		ApiFixtures fixtures = new ApiFixtures(mvc);
		String original = fixtures.risk(fixtures.account("Milestone Original", fixtures.person("Milestone Lead")), "Same");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"CLOSED\", \"duplicateOf\": \"" + original + "\"}")).andExpect(status().isOk());
		mvc.perform(change("\"0\"", "{\"title\": \"Too late\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is closed; its plan cannot change")));
	}

}
