package io.riskdesk.plan;

import com.jayway.jsonpath.JsonPath;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The corrective action plan panel of the risk page, as htmx loads and posts it. */
@RiskdeskTest
@Transactional
class MilestonePanelTest {

	@Autowired
	MockMvc mvc;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		key = fixtures.risk(fixtures.account("Plan Co", fixtures.person("Plan Owner")), "Onboarding stalled");
	}

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username, String role) {
		return request.header("HX-Request", "true").with(user(username).roles(role)).with(csrf());
	}

	@Test
	void addsAMilestoneAndMarksItDone() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/plan", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No milestone yet."), containsString("Add milestone"))));
		mvc.perform(htmx(post("/risks/{key}/plan", key).param("title", "Kick-off with the new sponsor")
			.param("owner", "Alex Johnson").param("due", "2027-01-15"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", "planChanged"))
			.andExpect(content().string(allOf(containsString("Milestone added."), containsString("Kick-off with the new sponsor"),
					containsString("2027-01-15"), containsString(">Done<"))));
		long id = firstMilestoneId();
		mvc.perform(htmx(post("/risks/{key}/plan/{id}/done", key, id), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Milestone done."), containsString(">Done<"))));
		mvc.perform(htmx(post("/risks/{key}/plan/{id}/done", key, id), "alex", "CSM"))
			.andExpect(status().isConflict());
	}

	@Test
	void editsAMilestoneInItsRowShowingEveryProblemAtOnce() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/plan", key).param("title", "Kick-off").param("owner", "Alex Johnson")
			.param("due", "2027-01-15"), "alex", "CSM")).andExpect(status().isOk());
		long id = firstMilestoneId();
		mvc.perform(htmx(get("/risks/{key}/plan", key).param("edit", String.valueOf(id)), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("action=\"/risks/" + key + "/plan/" + id + "\""),
					containsString("name=\"version\" value=\"0\""), containsString("value=\"Kick-off\""),
					containsString("value=\"2027-01-15\""), containsString("Save milestone"))));

		mvc.perform(htmx(post("/risks/{key}/plan/{id}", key, id).param("version", "0").param("title", " ")
			.param("owner", "").param("due", ""), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("please correct the fields marked below"),
					containsString("id=\"edit-title-error\">is required"), containsString("id=\"edit-owner-error\">is required"),
					not(containsString("id=\"edit-due-error\"")))));

		mvc.perform(htmx(post("/risks/{key}/plan/{id}", key, id).param("version", "0").param("title", "Kick-off call")
			.param("owner", "Dana Fox").param("due", "2027-01-22"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", "planChanged"))
			.andExpect(content().string(allOf(containsString("Milestone changed."), containsString("Kick-off call"),
					containsString("Dana Fox"), containsString("2027-01-22"), not(containsString("Save milestone")))));

		// A form read before that change: refused, the row shows the milestone as it is, the form what was typed.
		mvc.perform(htmx(post("/risks/{key}/plan/{id}", key, id).param("version", "0").param("title", "Kick-off")
			.param("owner", "Alex Johnson").param("due", "2027-02-01"), "alex", "CSM"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("changed by someone else meanwhile"),
					containsString("<span>Kick-off call</span>"), containsString("value=\"2027-02-01\""),
					containsString("name=\"version\" value=\"1\""))));
		mvc.perform(htmx(post("/risks/{key}/plan/{id}", key, id).param("version", "1").param("title", "Kick-off")
			.param("owner", "Alex Johnson").param("due", "2027-02-01"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<span>2027-02-01</span>")));
	}

	@Test
	void aClosedRisksPlanOffersNothingToDo() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/plan", key).param("title", "Kick-off").param("owner", "Alex")
			.param("due", "2027-01-15"), "alex", "CSM")).andExpect(status().isOk());
		ApiFixtures fixtures = new ApiFixtures(mvc);
		String original = fixtures.risk(fixtures.account("Plan Original", fixtures.person("Plan Lead")), "Same problem");
		mvc.perform(ApiFixtures.asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"CLOSED\", \"duplicateOf\": \"" + original + "\"}")).andExpect(status().isOk());

		mvc.perform(htmx(get("/risks/{key}/plan", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Kick-off"), not(containsString("Add milestone")),
					not(containsString(">Done<")), not(containsString(">Edit<")))));
		long id = firstMilestoneId();
		mvc.perform(htmx(post("/risks/{key}/plan/{id}", key, id).param("version", "0").param("title", "Too late")
			.param("owner", "Alex").param("due", "2027-01-15"), "alex", "CSM"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("is closed; its plan cannot change"),
					not(containsString("Save milestone")))));
	}

	@Test
	void namesTheMissingFieldAndReadersGetNoForms() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/plan", key).param("title", "Call").param("due", "2027-01-15"), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Owner is required")));
		// A milestone may have no date yet.
		mvc.perform(htmx(post("/risks/{key}/plan", key).param("title", "Call").param("owner", "Alex"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("No date yet")));
		long id = firstMilestoneId();
		mvc.perform(htmx(get("/risks/{key}/plan", key).param("edit", String.valueOf(id)), "jordan", "EXEC"))
			.andExpect(content().string(allOf(not(containsString("Add milestone")), not(containsString(">Edit<")),
					not(containsString("Save milestone")))));
		mvc.perform(htmx(post("/risks/{key}/plan/{id}", key, id).param("version", "0").param("title", "x")
			.param("owner", "y").param("due", "2027-01-01"), "jordan", "EXEC"))
			.andExpect(status().isForbidden());
		mvc.perform(htmx(post("/risks/{key}/plan", key).param("title", "x").param("owner", "y").param("due", "2027-01-01"),
				"jordan", "EXEC"))
			.andExpect(status().isForbidden());
	}

	@Test
	void startsDropsAndMovesMilestonesInPlace() throws Exception {
		for (String title : new String[] { "Usage review", "Enablement session" }) {
			mvc.perform(htmx(post("/risks/{key}/plan", key).param("title", title).param("owner", "Alex")
				.param("successCriterion", "Agreed by the sponsor"), "alex", "CSM")).andExpect(status().isOk());
		}
		long first = firstMilestoneId();
		mvc.perform(htmx(get("/risks/{key}/plan", key), "alex", "CSM"))
			.andExpect(content().string(allOf(containsString("Done when: Agreed by the sponsor"),
					containsString("aria-label=\"Start Usage review\""), containsString("aria-label=\"Move Usage review down\""),
					not(containsString("aria-label=\"Move Usage review up\"")), containsString("(free text)"))));

		mvc.perform(htmx(post("/risks/{key}/plan/{id}/status", key, first).param("version", "0").param("status", "DOING"),
				"alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Milestone started."), containsString(">Doing<"),
					not(containsString("aria-label=\"Start Usage review\"")))));
		// The page showed version 0: stale now.
		mvc.perform(htmx(post("/risks/{key}/plan/{id}/status", key, first).param("version", "0").param("status", "DONE"),
				"alex", "CSM"))
			.andExpect(status().isConflict());
		mvc.perform(htmx(post("/risks/{key}/plan/{id}/status", key, first).param("version", "1").param("status", "DROPPED"),
				"alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Reason is required")));
		mvc.perform(htmx(post("/risks/{key}/plan/{id}/status", key, first).param("version", "1").param("status", "DROPPED")
			.param("reason", "Covered by the QBR"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Milestone dropped."), containsString("Covered by the QBR"))));

		mvc.perform(htmx(post("/risks/{key}/plan/{id}/move", key, first).param("up", "false"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Milestone moved.")));
		String json = mvc.perform(ApiFixtures.asAlex(get("/api/risks/{key}/milestones", key))).andReturn().getResponse()
			.getContentAsString();
		org.assertj.core.api.Assertions.assertThat(JsonPath.<java.util.List<String>>read(json, "$[*].title"))
			.containsExactly("Enablement session", "Usage review");
	}

	/** Reads the milestone's id through the API, as a client would. */
	private long firstMilestoneId() throws Exception {
		String json = mvc.perform(ApiFixtures.asAlex(get("/api/risks/{key}/milestones", key)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(json, "$[0].id")).longValue();
	}

}
