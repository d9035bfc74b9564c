package io.riskdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The OpenAPI document names every refusal of every API operation as a problem detail. */
@RiskdeskTest
class ApiDocumentationTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void everyOperationDocumentsItsProblemResponses() throws Exception {
		JsonNode document = json.readTree(mvc.perform(as("alex", get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		assertThat(document.at("/components/schemas/ProblemDetail/properties").propertyNames())
			.contains("type", "title", "status", "detail", "instance", "errors");

		List<String> missing = new ArrayList<>();
		int operations = 0;
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				operations++;
				List<String> expected = new ArrayList<>(List.of("401", "403"));
				if (path.getKey().contains("{")) {
					expected.add("404");
				}
				if (!operation.getKey().equals("get")) {
					expected.addAll(List.of("400", "409"));
				}
				for (String code : expected) {
					if (operation.getValue().at("/responses/" + code + "/content/application~1problem+json/schema").isMissingNode()) {
						missing.add(operation.getKey().toUpperCase() + " " + path.getKey() + " " + code);
					}
				}
			}
		}
		assertThat(operations).as("the API's operations").isGreaterThan(60);
		assertThat(missing).as("operations without a documented problem response").isEmpty();
		assertThat(document.at("/paths/~1api~1risks~1{key}/get/responses/404/description").asString())
			.isEqualTo("No such record");
		// The playbook's own checks are not fields of it.
		assertThat(document.at("/components/schemas/NotificationRule/properties").propertyNames()).contains("template")
			.doesNotContain("namingSomebody", "channelsListNotEmpty");
	}

}
