package io.riskdesk.intake;

import io.riskdesk.SeedDocuments;
import java.nio.charset.StandardCharsets;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class IntakeApiTest {

	private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown");

	@Autowired
	MockMvc mvc;

	@Autowired
	NotesExtractor extractor;

	@Test
	void answersTheDraftOfASeedDocument() throws Exception {
		send("alex", MARKDOWN, SeedDocuments.read("meeting-globaltech.md")).andExpect(status().isOk())
			.andExpect(jsonPath("$.draft.accountName.value").value("GlobalTech Industries"))
			.andExpect(jsonPath("$.draft.accountName.span.text").value("GlobalTech Industries"))
			.andExpect(jsonPath("$.draft.documentDate.value").value("2025-11-10"))
			.andExpect(jsonPath("$.draft.contractValue.value.amount").value(2300000))
			.andExpect(jsonPath("$.draft.contractValue.value.currency").value("USD"))
			.andExpect(jsonPath("$.draft.actionItems[0].owner").value("Sarah Martinez"))
			.andExpect(jsonPath("$.draft.actionItems[0].due").value("2025-11-11"))
			.andExpect(jsonPath("$.draft.followUpMeetings[0].date").value("2025-12-01"))
			.andExpect(jsonPath("$.draft.suggestion.category").value("INCIDENT"))
			.andExpect(jsonPath("$.draft.suggestion.severity").value("S0"));
	}

	@Test
	void acceptsPlainText() throws Exception {
		send("morgan", MediaType.TEXT_PLAIN, "Date: 2026-03-02\nCustomer: Northwind\nAction items:\n- Priya: send the RCA by Friday\n"
			.getBytes(StandardCharsets.UTF_8)).andExpect(status().isOk())
			.andExpect(jsonPath("$.draft.accountName.value").value("Northwind"))
			.andExpect(jsonPath("$.draft.actionItems[0].due").value("2026-03-06"));
	}

	@Test
	void refusesBinaryEmptyAndInvalidUtf8NamingTheContent() throws Exception {
		for (byte[] bad : new byte[][] { { 'h', 'i', 0, 1, 2 }, {}, "   \n\t ".getBytes(StandardCharsets.UTF_8),
				{ (byte) 0xC3, (byte) 0x28 } }) {
			send("alex", MediaType.TEXT_PLAIN, bad).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].field").value("content"));
		}
	}

	/** Over-size is an input error like the others: 400 naming the content and the limit. */
	@Test
	void refusesADocumentOverTheLimitWith400() throws Exception {
		byte[] large = "a".repeat(extractor.maxBytes() + 1).getBytes(StandardCharsets.UTF_8);
		send("alex", MediaType.TEXT_PLAIN, large).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("content"))
			.andExpect(jsonPath("$.errors[0].reason").value(startsWith("is larger than 1048576 bytes")));
	}

	@Test
	void refusesOtherMediaTypesWith415() throws Exception {
		send("alex", MediaType.APPLICATION_JSON, "{}".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isUnsupportedMediaType());
		send("alex", MediaType.APPLICATION_OCTET_STREAM, new byte[] { 1, 2, 3 })
			.andExpect(status().isUnsupportedMediaType());
	}

	@Test
	void needsARiskWriter() throws Exception {
		mvc.perform(post("/api/intake/notes").contentType(MediaType.TEXT_PLAIN).content("Customer: X"))
			.andExpect(status().isUnauthorized());
		send("jordan", MediaType.TEXT_PLAIN, "Customer: X".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isForbidden());
		send("sam", MediaType.TEXT_PLAIN, "Customer: X".getBytes(StandardCharsets.UTF_8))
			.andExpect(status().isForbidden());
	}

	private ResultActions send(String user, MediaType type, byte[] content) throws Exception {
		return mvc.perform(
				post("/api/intake/notes").with(httpBasic(user, "demo")).contentType(type).content(content));
	}

}
