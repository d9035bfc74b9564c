package io.riskdesk.intake;

import io.riskdesk.SeedDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * An import of an old document shows, before confirming, which clocks and milestones would start
 * already breached. "Now" is Wednesday 2026-11-25 14:00 in Chicago, the day before Thanksgiving;
 * the GlobalTech seed notes are dated Monday 2025-11-10 and go to the demo's GlobalTech
 * Industries account (America/Chicago, US holidays).
 */
@RiskdeskTest
class IntakeDatesApiTest {

	private static final Instant NOW = Instant.parse("2026-11-25T20:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void wednesdayBeforeThanksgiving() {
		clock.set(NOW);
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void theProposalOfAYearOldSeedSaysEveryClockAndMilestoneWouldStartBreached() throws Exception {
		JsonNode review = notes(SeedDocuments.read("meeting-globaltech.md"));
		assertThat(review.at("/proposal/risk/severity").asString()).isEqualTo("S0");
		assertThat(review.at("/proposal/risk/detectedAt").asString()).startsWith("2025-11-10T09:00");
		JsonNode preview = review.get("preview");

		assertThat(preview.properties()).extracting(Map.Entry::getKey)
			.containsExactly("zone", "detectedAt", "clocks", "milestones", "nextBusinessDay");
		assertThat(preview.get("zone").asString()).isEqualTo("America/Chicago");
		// Counted from 09:00 in Chicago (15:00 UTC): triage 24 h, first response 2 h, notification by S1's 4 h.
		assertThat(clocks(preview)).containsExactly("TRIAGE 2025-11-11T15:00:00Z BREACHED",
				"FIRST_RESPONSE 2025-11-10T17:00:00Z BREACHED", "NOTIFICATION 2025-11-10T19:00:00Z BREACHED");
		JsonNode items = review.at("/proposal/actionItems");
		assertThat(preview.get("milestones")).hasSize(items.size()).isNotEmpty();
		for (int i = 0; i < items.size(); i++) {
			JsonNode milestone = preview.get("milestones").get(i);
			assertThat(milestone.get("index").asInt()).isEqualTo(i);
			assertThat(milestone.get("title").asString()).isEqualTo(items.get(i).get("title").asString());
			assertThat(milestone.get("due").asString()).isEqualTo(items.get(i).get("due").asString());
			assertThat(milestone.get("status").asString()).isEqualTo("BREACHED");
		}
		// Thanksgiving is no working day.
		assertThat(preview.get("nextBusinessDay").asString()).isEqualTo("2026-11-27");
	}

	@Test
	void thePreviewOfAnEditedProposalCountsFromTheNewDatesAndWritesNothing() throws Exception {
		ObjectNode proposal = (ObjectNode) notes(SeedDocuments.read("meeting-globaltech.md")).get("proposal");
		((ObjectNode) proposal.get("risk")).put("detectedAt", "2026-11-25T13:30");
		((ObjectNode) proposal.get("actionItems").get(0)).put("due", "2026-11-24");
		((ObjectNode) proposal.get("actionItems").get(1)).put("due", "2026-11-26");
		int risks = count("risk");
		int imports = count("intake_import");

		JsonNode preview = preview(proposal).andExpect(status().isOk()).andReturn().getResponse().getContentAsString()
			.transform(json::readTree);

		// Detected half an hour ago: on time; notification by the end of today's working day, 17:00 in Chicago.
		assertThat(clocks(preview)).containsExactly("TRIAGE 2026-11-26T19:30:00Z ON_TRACK",
				"FIRST_RESPONSE 2026-11-25T21:30:00Z ON_TRACK", "NOTIFICATION 2026-11-25T23:00:00Z ON_TRACK");
		// Yesterday's working day is over; Thanksgiving's milestone is due at the end of Friday.
		assertThat(preview.at("/milestones/0/status").asString()).isEqualTo("BREACHED");
		assertThat(preview.at("/milestones/0/dueAt").asString()).isEqualTo("2026-11-24T23:00:00Z");
		assertThat(preview.at("/milestones/1/status").asString()).isEqualTo("ON_TRACK");
		assertThat(preview.at("/milestones/1/dueAt").asString()).isEqualTo("2026-11-27T23:00:00Z");
		assertThat(count("risk")).isEqualTo(risks);
		assertThat(count("intake_import")).isEqualTo(imports);
	}

	@Test
	void aPreviewThatCannotBeCountedIsRefusedNamingTheField() throws Exception {
		ObjectNode proposal = (ObjectNode) notes(SeedDocuments.read("meeting-globaltech.md")).get("proposal");
		ObjectNode account = (ObjectNode) proposal.get("account");

		account.put("id", 999_999_999L);
		assertRefused(proposal, "account.id");

		account.putNull("id");
		account.put("name", "New account " + UUID.randomUUID());
		account.putNull("timeZone");
		assertRefused(proposal, "account.timeZone");

		account.put("timeZone", "America/Chicago");
		((ObjectNode) proposal.get("risk")).putNull("severity");
		assertRefused(proposal, "risk.severity");
	}

	@Test
	void confirmingAnOldDocumentRecordsItsClocksAsStartedBreachedAndSaysSo() throws Exception {
		// A document of its own (a seed is imported once, by whichever test comes first).
		String accountName = "Old Notes " + UUID.randomUUID().toString().substring(0, 6);
		ObjectNode proposal = (ObjectNode) notes(("""
				Date: 2025-11-10
				Customer: %s
				Issue: the nightly sync has failed three times this week; the customer threatens the renewal.
				Action items:
				- Priya: send the RCA by November 14, 2025
				- Omar: share the fix plan by November 21, 2025
				""".formatted(accountName)).getBytes(StandardCharsets.UTF_8)).get("proposal");
		((ObjectNode) proposal.get("account")).put("segment", "ENTERPRISE");

		String key = mvc.perform(asAlex(post("/api/intake/imports")).content(json.writeValueAsString(proposal)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString()
			.transform(json::readTree)
			.get("riskKey")
			.asString();

		JsonNode clocks = read(get("/api/risks/" + key + "/clocks"));
		assertThat(clocks.findValuesAsString("state")).hasSize(5).containsOnly("BREACHED");
		assertThat(read(get("/api/risks/" + key + "/timeline")).findValuesAsString("summary"))
			.anyMatch(summary -> summary.startsWith("Imported from notes.md")
					&& summary.endsWith("; started already breached: Triage, First response, Notification, 2 milestones"));
	}

	/** Each clock as "KIND dueAt STATUS". */
	private static List<String> clocks(JsonNode preview) {
		List<String> clocks = new ArrayList<>();
		preview.get("clocks").forEach(c -> clocks.add(c.get("kind").asString() + " " + c.get("dueAt").asString() + " "
				+ c.get("status").asString()));
		return clocks;
	}

	private JsonNode notes(byte[] content) throws Exception {
		return json.readTree(mvc.perform(post("/api/intake/notes").param("fileName", "notes.md")
			.contentType(MediaType.parseMediaType("text/markdown"))
			.content(content)
			.with(httpBasic("alex", "demo"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
	}

	private ResultActions preview(JsonNode proposal) throws Exception {
		return mvc.perform(asAlex(post("/api/intake/preview")).content(json.writeValueAsString(proposal)));
	}

	private void assertRefused(JsonNode proposal, String field) throws Exception {
		preview(proposal).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value(field));
	}

	private JsonNode read(MockHttpServletRequestBuilder request) throws Exception {
		return json.readTree(mvc.perform(asAlex(request)).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

}
