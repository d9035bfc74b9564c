package io.riskdesk.plan;

import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The plan panel's "Use the template" action: the preview first, then the milestones. */
@RiskdeskTest
@Transactional
class CapTemplatePanelTest {

	@Autowired
	MockMvc mvc;

	String key;

	String owner;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		owner = "Pia Panel " + System.nanoTime();
		long ownerId = fixtures.person(owner);
		key = fixtures.risk(fixtures.account("Template Panel Co", ownerId), "Sev-1 tickets piling up");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"TRIAGED\", \"severity\": \"S1\", \"ownerId\": %d}".formatted(ownerId)))
			.andExpect(status().isOk());
	}

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username, String role) {
		return request.header("HX-Request", "true").with(user(username).roles(role)).with(csrf());
	}

	@Test
	void previewsTheRisksTemplateThenAppliesIt() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/plan", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No milestone yet."), containsString("Use the Support template"),
					containsString("hx-get=\"/risks/" + key + "/plan/template?category=SUPPORT\""))));

		mvc.perform(htmx(get("/risks/{key}/plan/template", key).param("category", "SUPPORT"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The Support template would add"),
					containsString("Ticket review with the customer"), containsString("(1 business day)"),
					containsString("(risk owner: nobody is Support lead)"), containsString(owner),
					containsString("Apply the Support template"), containsString("name=\"category\" value=\"SUPPORT\""),
					not(containsString("Use the Support template")))));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$", hasSize(0)));

		mvc.perform(htmx(post("/risks/{key}/plan/template", key).param("category", "SUPPORT"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Trigger", "planChanged"))
			.andExpect(header().string("HX-Refresh", "true"))
			.andExpect(content().string(allOf(containsString("4 milestones added from the Support template."),
					containsString("Nobody fills Support lead, Engineering lead in the account team: " + owner
							+ ", the risk&#39;s owner, has those."),
					containsString("Fixes delivered"), not(containsString("Apply the Support template")))));
		String risk = mvc.perform(asAlex(get("/api/risks/{key}", key))).andReturn().getResponse().getContentAsString();
		List<String> plans = JsonPath.read(risk, "$.triageSteps[?(@.step == 'CREATE_CAP')].note");
		assertThat(plans).containsExactly("Milestones from the SUPPORT CAP template");
	}

	@Test
	void readersSeeNoTemplateActionAndAClosedRiskRefusesIt() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/plan", key), "jordan", "EXEC"))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Use the Support template"))));

		ApiFixtures fixtures = new ApiFixtures(mvc);
		String original = fixtures.risk(fixtures.account("Template Panel Original", fixtures.person("Olga Panel")), "Same");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"CLOSED\", \"duplicateOf\": \"" + original + "\"}")).andExpect(status().isOk());
		mvc.perform(htmx(get("/risks/{key}/plan", key), "alex", "CSM"))
			.andExpect(content().string(not(containsString("Use the Support template"))));
		mvc.perform(htmx(get("/risks/{key}/plan/template", key), "alex", "CSM"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Cannot use the template: Risk " + key + " is closed")));
		mvc.perform(htmx(post("/risks/{key}/plan/template", key).param("category", "SUPPORT"), "alex", "CSM"))
			.andExpect(status().isConflict())
			.andExpect(content().string(containsString("Not saved: Risk " + key + " is closed")));
	}

}
