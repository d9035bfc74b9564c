package io.riskdesk.web;

import java.nio.file.Files;
import java.nio.file.Path;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The published API contract, docs/api/openapi.json, is the document the application serves. The
 * build generates the Java client of {@code GeneratedClientTest} from that file, so an API change
 * that is not published fails here. After a deliberate change, publish it with
 * {@code ./mvnw test -Dtest=ApiContractTest -Driskdesk.api.publish=true} and commit the file.
 */
@RiskdeskTest
class ApiContractTest {

	static final Path PUBLISHED = Path.of("docs/api/openapi.json");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void thePublishedContractIsTheServedDocument() throws Exception {
		String served = served();
		if (Boolean.getBoolean("riskdesk.api.publish")) {
			Files.writeString(PUBLISHED, served);
		}
		// Beside the build's other output, for a diff when they differ.
		Files.writeString(Path.of("target/served-openapi.json"), served);
		assertThat(PUBLISHED).as("the published contract").exists();
		assertThat(Files.readString(PUBLISHED))
			.as("docs/api/openapi.json differs from the served /v3/api-docs; publish it with "
					+ "./mvnw test -Dtest=ApiContractTest -Driskdesk.api.publish=true")
			.isEqualTo(served);
	}

	@Test
	void operationIdsAreNamesNotNumbers() throws Exception {
		// springdoc numbers a repeated id (create_1), and the number moves when a controller is added.
		assertThat(json.readTree(served()).findValuesAsString("operationId")).hasSizeGreaterThan(80)
			.doesNotHaveDuplicates()
			.allSatisfy(id -> assertThat(id).matches("[a-z][A-Za-z]*"));
	}

	/** The served document without its server list, which names the port this test happens to run on. */
	private String served() throws Exception {
		ObjectNode document = (ObjectNode) json.readTree(mvc.perform(as("alex", get("/v3/api-docs")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString());
		document.remove("servers");
		return json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(document) + "\n";
	}

}
