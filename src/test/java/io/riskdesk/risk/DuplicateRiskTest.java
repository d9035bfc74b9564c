package io.riskdesk.risk;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A risk logged twice is closed as a duplicate of the other, without an outcome, linked both ways. */
@RiskdeskTest
class DuplicateRiskTest {

	@Autowired
	MockMvc mvc;

	String original;

	String duplicate;

	long account;

	@BeforeEach
	void twoRisksForTheSameProblem() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		account = fixtures.account("Twice Logged", fixtures.person("Dup Owner"));
		original = fixtures.risk(account, "API errors at checkout");
		duplicate = fixtures.risk(account, "Checkout API failing");
	}

	@Test
	void closedAsADuplicateWithoutAnOutcomeAndLinkedBothWays() throws Exception {
		close(duplicate, original).andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"))
			.andExpect(jsonPath("$.outcome").value(nullValue()))
			.andExpect(jsonPath("$.duplicateOf").value(original));

		mvc.perform(asAlex(get("/api/risks/{key}", original)))
			.andExpect(jsonPath("$.duplicates", contains(duplicate)))
			.andExpect(jsonPath("$.status").value("OPEN"));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", original)))
			.andExpect(jsonPath("$[*].summary", hasItem(duplicate + " was closed as a duplicate of this risk")));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", duplicate)))
			.andExpect(jsonPath("$[*].summary", hasItem("OPEN -> CLOSED: Duplicate of " + original)));
		String clocks = mvc.perform(asAlex(get("/api/risks/{key}/clocks", duplicate))).andReturn().getResponse()
			.getContentAsString();
		List<Map<String, Object>> all = JsonPath.read(clocks, "$[*]");
		assertThat(all).isNotEmpty().allSatisfy(clock -> assertThat(clock.get("state")).isNotEqualTo("RUNNING"));
	}

	@Test
	void theOriginalMustExistBeAnotherRiskAndNotBeADuplicateItself() throws Exception {
		close(duplicate, "RISK-1999-0001").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("duplicateOf"));
		close(duplicate, duplicate).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason").value("names this risk itself"));
		close(duplicate, original).andExpect(status().isOk());
		close(original, duplicate).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].reason", containsString("is itself a duplicate of " + original)));
		mvc.perform(asAlex(get("/api/risks/{key}", original))).andExpect(jsonPath("$.status").value("OPEN"));
	}

	@Test
	void aRiskThatCarriesDuplicatesIsNoDuplicateItself() throws Exception {
		String third = new ApiFixtures(mvc).risk(account, "Checkout down again");
		close(duplicate, original).andExpect(status().isOk());
		close(original, third).andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("carries the work of its duplicates [" + duplicate + "]")));
		mvc.perform(asAlex(get("/api/risks/{key}", original))).andExpect(jsonPath("$.status").value("OPEN"));
	}

	@Test
	void theRiskPageClosesAsADuplicate() throws Exception {
		mvc.perform(post("/risks/{key}/transitions", duplicate).header("HX-Request", "true")
			.with(user("alex").roles("CSM"))
			.with(csrf())
			.param("version", "0")
			.param("to", "CLOSED")
			.param("duplicateOf", original))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Closed as a duplicate of " + original)));
	}

	private ResultActions close(String key, String originalKey) throws Exception {
		return mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "CLOSED", "duplicateOf": "%s"}""".formatted(originalKey)));
	}

}
