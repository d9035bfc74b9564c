package io.riskdesk.plan;

import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Resolving a risk whose plan still has open milestones asks what becomes of them. */
@RiskdeskTest
class ResolveWithOpenWorkTest {

	@Autowired
	MockMvc mvc;

	String key;

	@BeforeEach
	void anActiveRiskWithAnOpenMilestone() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long owner = fixtures.person("Open Work Owner");
		key = fixtures.risk(fixtures.account("Open Work Inc", owner), "Integration stalled");
		post("/transitions", "{\"to\": \"TRIAGED\", \"severity\": \"S2\", \"ownerId\": %d}".formatted(owner));
		post("/milestones", "{\"title\": \"Connector fixed\", \"owner\": \"Priya\", \"due\": \"2026-12-04\"}");
		// The milestone recorded CREATE_CAP.
		post("/triage-steps", "{\"step\": \"NOTIFY_STAKEHOLDERS\", \"note\": \"done\"}");
		post("/triage-steps", "{\"step\": \"SET_CADENCE\"}");
		post("/transitions", "{\"to\": \"ACTIVE\"}");
	}

	@Test
	void withoutAChoiceTheResolveIsRefusedNamingTheOpenWork() throws Exception {
		resolve("").andExpect(status().isConflict())
			.andExpect(jsonPath("$.openWork", contains("Milestone for Priya: Connector fixed (due 2026-12-04)")));
		mvc.perform(asAlex(get("/api/risks/{key}", key))).andExpect(jsonPath("$.status").value("ACTIVE"));
	}

	@Test
	void droppedMilestonesEndAsDroppedAndTheirClocksStop() throws Exception {
		resolve(", \"openWork\": \"DROP\"").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		resolve(", \"openWork\": \"DROP\", \"reason\": \"The connector is retired\"").andExpect(status().isOk())
			.andExpect(jsonPath("$.preventionItems[*].text", contains("Monitor the connector")));

		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[0].status").value("DROPPED"))
			.andExpect(jsonPath("$[0].statusReason").value("Dropped when the risk was resolved"))
			// The prevention item resolved with is tracked like a milestone, its owner from the directory.
			.andExpect(jsonPath("$[1].title").value("Monitor the connector"))
			.andExpect(jsonPath("$[1].kind").value("PREVENTION"))
			.andExpect(jsonPath("$[1].owner").value("Lisa Wong"))
			.andExpect(jsonPath("$[1].ownerId").isNumber())
			.andExpect(jsonPath("$[1].due").value("2026-12-18"));
		assertThat(milestoneClockStates()).containsExactly("STOPPED", "RUNNING");
	}

	@Test
	void closingDropsPlanWorkStillToDoWhilePreventionItemsStayTracked() throws Exception {
		resolve(", \"openWork\": \"CARRY_AS_PREVENTION\"").andExpect(status().isOk());
		post("/milestones", "{\"title\": \"Send the RCA\", \"owner\": \"Priya\", \"due\": \"2026-12-10\"}");
		post("/transitions", "{\"to\": \"CLOSED\", \"outcome\": \"RETAINED\", \"summary\": \"Renewed\"}");
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[*].title", contains("Connector fixed", "Monitor the connector", "Send the RCA")))
			.andExpect(jsonPath("$[*].status", contains("TODO", "TODO", "DROPPED")))
			.andExpect(jsonPath("$[2].statusReason").value("Dropped when the risk was closed"));
		assertThat(milestoneClockStates()).containsExactly("RUNNING", "RUNNING", "STOPPED");
		// A prevention item is still worked on the closed risk; its plan is final.
		String id = String.valueOf(((Number) JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andReturn().getResponse().getContentAsString(), "$[1].id")).longValue());
		mvc.perform(asAlex(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/risks/{key}/milestones/{id}/done", key, id))).andExpect(status().isOk());
		mvc.perform(asAlex(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/risks/{key}/milestones", key)).content("{\"title\": \"Late\", \"owner\": \"Priya\"}"))
			.andExpect(status().isConflict());
	}

	/** The states of the risk's milestone clocks, in the order of their milestones. */
	private List<String> milestoneClockStates() throws Exception {
		String clocks = mvc.perform(asAlex(get("/api/risks/{key}/clocks", key))).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> milestoneClocks = JsonPath.read(clocks, "$[?(@.kind == 'MILESTONE')]");
		return milestoneClocks.stream()
			.sorted(java.util.Comparator.comparing(c -> ((Number) c.get("milestoneId")).longValue()))
			.map(c -> (String) c.get("state"))
			.toList();
	}

	@Test
	void carriedMilestonesStayTrackedAsPreventionItemsTheirClocksCounting() throws Exception {
		resolve(", \"openWork\": \"CARRY_AS_PREVENTION\"").andExpect(status().isOk())
			.andExpect(jsonPath("$.preventionItems[*].text",
					hasItem("Carried over: Milestone for Priya: Connector fixed (due 2026-12-04)")));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[0].kind").value("PREVENTION"))
			.andExpect(jsonPath("$[0].status").value("TODO"));
		assertThat(milestoneClockStates()).containsExactly("RUNNING", "RUNNING");
		String clocks = mvc.perform(asAlex(get("/api/risks/{key}/clocks", key))).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> riskClocks = JsonPath.read(clocks, "$[?(@.kind == 'FIRST_RESPONSE')]");
		assertThat(riskClocks).singleElement().satisfies(clock -> assertThat(clock).containsEntry("state", "STOPPED"));
	}

	private ResultActions resolve(String extra) throws Exception {
		return mvc.perform(asAlex(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/risks/{key}/transitions", key)).content("""
					{"to": "RESOLVED", "rootCause": "Connector bug", "preventionItems": [{"text": "Monitor the connector", "owner": "Lisa Wong", "due": "2026-12-18"}]%s}"""
			.formatted(extra)));
	}

	private void post(String path, String body) throws Exception {
		mvc.perform(asAlex(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.post("/api/risks/{key}" + path, key)).content(body)).andExpect(status().is2xxSuccessful());
	}

}
