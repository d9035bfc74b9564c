package io.riskdesk.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A milestone's life through the API: status, owner from the directory, success criterion, order, no date yet, the alias. */
@RiskdeskTest
@Transactional
class MilestoneLifecycleApiTest {

	@Autowired
	MockMvc mvc;

	ApiFixtures fixtures;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		fixtures = new ApiFixtures(mvc);
		key = fixtures.risk(fixtures.account("Lifecycle Co", fixtures.person("Lifecycle Owner")), "Adoption stalled");
	}

	@Test
	void movesTodoDoingDoneOnTheVersionReadAndTellsWhoAndWhen() throws Exception {
		long id = add("{\"title\": \"Enablement session\", \"owner\": \"Priya\", \"due\": \"2027-01-15\"}");
		moveTo(id, null, "{\"status\": \"DOING\"}").andExpect(status().isPreconditionRequired());
		moveTo(id, "\"0\"", "{\"status\": \"DOING\"}")
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.status").value("DOING"));
		// Read before that change: refused, nothing written.
		moveTo(id, "\"0\"", "{\"status\": \"DONE\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(1));
		// No way back to TODO.
		moveTo(id, "\"1\"", "{\"status\": \"TODO\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is DOING; it can move to [DONE, DROPPED]")));
		moveTo(id, "\"1\"", "{\"status\": \"DONE\"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DONE"))
			.andExpect(jsonPath("$.doneBy").value("alex"))
			.andExpect(jsonPath("$.doneAt").isNotEmpty());
		// Final.
		moveTo(id, "\"2\"", "{\"status\": \"DROPPED\", \"reason\": \"Late\"}").andExpect(status().isConflict());
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary", hasItem("Milestone started: Enablement session")))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE' && @.summary == 'Milestone done: Enablement session')].actor",
					contains("alex")));
		String clocks = mvc.perform(asAlex(get("/api/risks/{key}/clocks", key))).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> milestoneClocks = JsonPath.read(clocks, "$[?(@.kind == 'MILESTONE')]");
		assertThat(milestoneClocks).singleElement().satisfies(c -> assertThat(c).containsEntry("state", "MET"));
	}

	@Test
	void dropsOnlyWithAReasonAndItsClockStops() throws Exception {
		long id = add("{\"title\": \"Custom connector\", \"owner\": \"Priya\", \"due\": \"2027-01-15\"}");
		moveTo(id, "\"0\"", "{\"status\": \"DROPPED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		moveTo(id, "\"0\"", "{\"status\": \"PAUSED\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("status"));
		moveTo(id, "\"0\"", "{\"status\": \"DROPPED\", \"reason\": \" The customer chose the standard API \"}")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("DROPPED"))
			.andExpect(jsonPath("$.statusReason").value("The customer chose the standard API"));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary",
					hasItem("Milestone dropped: Custom connector (The customer chose the standard API)")));
		String clocks = mvc.perform(asAlex(get("/api/risks/{key}/clocks", key))).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> milestoneClocks = JsonPath.read(clocks, "$[?(@.kind == 'MILESTONE')]");
		assertThat(milestoneClocks).singleElement().satisfies(c -> assertThat(c).containsEntry("state", "STOPPED"));
	}

	@Test
	void theOwnerIsTheDirectoryPersonWhoseNameOrEmailMatchesElseFreeText() throws Exception {
		long jose = fixtures.person("José Núñez");
		String email = JsonPath.read(mvc.perform(asAlex(get("/api/people/{id}", jose))).andReturn().getResponse()
			.getContentAsString(), "$.email");
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"Usage review\", \"owner\": \"  jose   NUNEZ \"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.owner").value("José Núñez"))
			.andExpect(jsonPath("$.ownerId").value(jose));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"Usage review 2\", \"owner\": \"%s\"}".formatted(email.toUpperCase())))
			.andExpect(jsonPath("$.ownerId").value(jose));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key)).content("{\"title\": \"Sign-off\", \"ownerId\": %d}".formatted(jose)))
			.andExpect(jsonPath("$.owner").value("José Núñez"));
		// A customer-side owner stays as typed.
		long customer = add("{\"title\": \"Share logs\", \"owner\": \"Dana Fox (customer)\"}");
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[?(@.id == %d)].owner".formatted(customer), contains("Dana Fox (customer)")))
			.andExpect(jsonPath("$[?(@.id == %d)].ownerId".formatted(customer), contains(nullValue())));
		// An edit names a person now: linked.
		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, customer)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"owner\": \"José Núñez\"}"))
			.andExpect(jsonPath("$.ownerId").value(jose));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key)).content("{\"title\": \"x\", \"ownerId\": 987654321}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("ownerId"));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key)).content("{\"title\": \"x\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("owner"));
	}

	@Test
	void aSuccessCriterionIsKeptEditedAndRemoved() throws Exception {
		long id = add("{\"title\": \"Hotfix deployed\", \"owner\": \"Priya\", \"due\": \"2027-01-15\", "
				+ "\"successCriterion\": \"No Sev-1 for 72 hours\"}");
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[0].successCriterion").value("No Sev-1 for 72 hours"));
		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, id)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"successCriterion\": \"No Sev-1 for 7 days\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.successCriterion").value("No Sev-1 for 7 days"))
			.andExpect(jsonPath("$.version").value(1));
		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, id)).header(HttpHeaders.IF_MATCH, "\"1\"")
			.content("{\"successCriterion\": \"\"}"))
			.andExpect(jsonPath("$.successCriterion").value(nullValue()));
		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, id)).header(HttpHeaders.IF_MATCH, "\"2\"")
			.content("{\"successCriterion\": \"%s\"}".formatted("x".repeat(2001))))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("successCriterion"));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary",
					hasItem("Milestone changed: Hotfix deployed (done when: No Sev-1 for 7 days)")));
	}

	@Test
	void aMilestoneWithNoDateYetHasNoClockUntilItGetsOne() throws Exception {
		long id = add("{\"title\": \"RCA delivered\", \"owner\": \"Priya\"}");
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$[0].due").value(nullValue()));
		mvc.perform(asAlex(get("/api/risks/{key}/clocks", key))).andExpect(jsonPath("$[?(@.kind == 'MILESTONE')]", hasSize(0)));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary", hasItem("Milestone for Priya: RCA delivered (no date yet)")));

		mvc.perform(asAlex(patch("/api/risks/{key}/milestones/{id}", key, id)).header(HttpHeaders.IF_MATCH, "\"0\"")
			.content("{\"due\": \"2027-01-15\"}")).andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/risks/{key}/clocks", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].state", contains("RUNNING")));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary",
					hasItem("Milestone changed: RCA delivered (no date yet -> 2027-01-15)")));
	}

	@Test
	void reordersWithEveryIdOnceAndListsInThatOrder() throws Exception {
		long a = add("{\"title\": \"A\", \"owner\": \"Priya\", \"due\": \"2027-01-10\"}");
		long b = add("{\"title\": \"B\", \"owner\": \"Priya\"}");
		long c = add("{\"title\": \"C\", \"owner\": \"Priya\", \"due\": \"2027-01-05\"}");
		// Added last in the list, whatever the dates.
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$[*].title", contains("A", "B", "C")));
		order("[%d, %d, %d]".formatted(c, a, b))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].title", contains("C", "A", "B")))
			.andExpect(jsonPath("$[*].position", contains(1, 2, 3)));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$[*].title", contains("C", "A", "B")));
		order("[%d, %d]".formatted(c, a)).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("ids"));
		order("[%d, %d, %d]".formatted(c, a, a)).andExpect(status().isBadRequest());
		order("[%d, %d, 987654321]".formatted(c, a)).andExpect(status().isBadRequest());
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$[*].title", contains("C", "A", "B")));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MILESTONE')].summary", hasItem("Milestones reordered: C, A, B")));
	}

	@Test
	void theFormerActionItemEndpointAddsAMilestone() throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/action-items", key))
			.content("{\"owner\": \"Mark\", \"task\": \"Call the CEO\", \"due\": \"%s\"}".formatted(LocalDate.now().plusDays(3))))
			.andExpect(status().isCreated())
			.andExpect(header().exists(HttpHeaders.LOCATION))
			.andExpect(jsonPath("$.title").value("Call the CEO"))
			.andExpect(jsonPath("$.owner").value("Mark"))
			.andExpect(jsonPath("$.status").value("TODO"))
			.andExpect(jsonPath("$.kind").value("PLAN"));
		mvc.perform(asAlex(post("/api/risks/{key}/action-items", key)).content("{\"owner\": \"Mark\", \"task\": \"Send the summary\"}"))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.due").value(nullValue()));
		mvc.perform(asAlex(post("/api/risks/{key}/action-items", key)).content("{\"owner\": \"Mark\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("task"));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$", hasSize(2)));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key))).andExpect(jsonPath("$[?(@.kind == 'ACTION_ITEM')]", hasSize(0)));
	}

	private long add(String json) throws Exception {
		String added = mvc.perform(asAlex(post("/api/risks/{key}/milestones", key)).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return ((Number) JsonPath.read(added, "$.id")).longValue();
	}

	private ResultActions moveTo(long id, String ifMatch, String json) throws Exception {
		var request = asAlex(post("/api/risks/{key}/milestones/{id}/status", key, id)).content(json);
		return mvc.perform(ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch));
	}

	private ResultActions order(String ids) throws Exception {
		return mvc.perform(asAlex(put("/api/risks/{key}/milestones/order", key)).content("{\"ids\": " + ids + "}"));
	}

}
