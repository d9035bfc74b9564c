package io.riskdesk.plan;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A risk's first milestones are its corrective action plan: the CREATE_CAP triage step is recorded
 * then, whichever way they came, and only once. (Templates: CapTemplatesApiTest; imports: IntakeImportApiTest.)
 */
@RiskdeskTest
@Transactional
class CreateCapStepTest {

	@Autowired
	MockMvc mvc;

	ApiFixtures fixtures;

	String key;

	long owner;

	@BeforeEach
	void setUp() throws Exception {
		fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Cap Step Owner");
		key = fixtures.risk(fixtures.account("Cap Step Co", owner), "Rollout stalled");
	}

	private List<String> createCapNotes() throws Exception {
		return JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}", key))).andReturn().getResponse().getContentAsString(),
				"$.triageSteps[?(@.step == 'CREATE_CAP')].note");
	}

	private void addByApi(String title, String due) throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/milestones", key))
			.content("{\"title\": \"%s\", \"owner\": \"Priya\", \"due\": \"%s\"}".formatted(title, due)))
			.andExpect(status().isCreated());
	}

	private ResultActions addByForm(String title) throws Exception {
		return mvc.perform(post("/risks/{key}/plan", key).param("title", title).param("owner", "Alex Johnson")
			.param("due", "2027-01-15").header("HX-Request", "true").with(user("alex").roles("CSM")).with(csrf()))
			.andExpect(status().isOk());
	}

	@Test
	void theFirstMilestoneByTheApiRecordsItOnAnOpenRiskAndTriageFollows() throws Exception {
		assertThat(createCapNotes()).isEmpty();

		addByApi("Connector fixed", "2027-01-15");
		addByApi("Sync verified", "2027-01-22");

		// Recorded before triage: the plan exists, whatever the order the steps were done in.
		mvc.perform(asAlex(get("/api/risks/{key}", key))).andExpect(jsonPath("$.status").value("OPEN"));
		assertThat(createCapNotes()).containsExactly("First milestone: Connector fixed (due 2027-01-15)");
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'TRIAGE_STEP')].summary").value(org.hamcrest.Matchers.hasSize(1)));
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"TRIAGED\", \"severity\": \"S2\", \"ownerId\": %d}".formatted(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.missingTriageSteps", org.hamcrest.Matchers.containsInAnyOrder("NOTIFY_STAKEHOLDERS",
					"SET_CADENCE")));
		// Recorded once: recording it by hand again is refused as before.
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key)).content("{\"step\": \"CREATE_CAP\", \"note\": \"Plan\"}"))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("CREATE_CAP was already recorded")));
	}

	@Test
	void theFirstMilestoneOfThePanelsFormRecordsIt() throws Exception {
		// The first reloads the risk page: its triage steps show the plan, its forms send the risk's new version.
		addByForm("Kick-off with the new sponsor").andExpect(header().string("HX-Refresh", "true"));
		addByForm("Success plan signed").andExpect(header().doesNotExist("HX-Refresh"));

		assertThat(createCapNotes()).containsExactly("First milestone: Kick-off with the new sponsor (due 2027-01-15)");
	}

	@Test
	void aStepRecordedByHandBeforeIsNotRecordedAgain() throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key))
			.content("{\"step\": \"CREATE_CAP\", \"note\": \"Plan agreed on the call\"}")).andExpect(status().isOk());

		addByApi("Connector fixed", "2027-01-15");

		assertThat(createCapNotes()).containsExactly("Plan agreed on the call");
	}

}
