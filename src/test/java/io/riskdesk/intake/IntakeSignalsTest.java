package io.riskdesk.intake;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.signal.DetectionRules;
import io.riskdesk.signal.DetectionRun;
import io.riskdesk.signal.DetectionRuns;
import io.riskdesk.signal.Finding;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Signals a document states: shown for review, confirmed into account events that detection finds, never twice. */
@RiskdeskTest
class IntakeSignalsTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Autowired
	DetectionRuns detection;

	@Autowired
	DetectionRules rules;

	@Autowired
	Playbook playbook;

	@Test
	void keptSignalsBecomeEventsOfTheAccountThatDetectionFindsAndExplains() throws Exception {
		String name = "Signal Harbour " + unique();
		LocalDate today = LocalDate.now(clock);
		ObjectNode proposal = proposal(name, today);
		assertThat(proposal.get("signals").valueStream().map(s -> s.get("signal").asString()).toList())
			.containsExactly("SPONSOR_LEFT", "USAGE_DROP");

		JsonNode done = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString());
		long account = done.get("accountId").asLong();
		assertThat(events(account)).containsExactly(
				Map.of("type", "ADOPTION_COLLAPSE_REPORTED", "source", "import " + done.get("id").asLong()),
				Map.of("type", "SPONSOR_LEFT", "source", "import " + done.get("id").asLong()));

		DetectionRun run = detection.run(today, List.of(account));
		assertThat(run.added()).isEqualTo(2);
		List<Finding> findings = rules.findings(playbook.detection(), today, List.of(account));
		assertThat(findings).extracting(Finding::ruleId).containsExactly("adoption-collapse-reported", "sponsor-left");
		assertThat(findings.get(1).explanation())
			.isEqualTo("SPONSOR_LEFT on " + today + " (sponsor, Mara Quist, has left), today: within 30 days");
	}

	@Test
	void theSameDocumentAgainOrAnotherSayingTheSameThatDayRecordsNothingTwice() throws Exception {
		String name = "Signal Reef " + unique();
		LocalDate today = LocalDate.now(clock);
		ObjectNode proposal = proposal(name, today);
		long account = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString()).get("accountId").asLong();
		List<Map<String, String>> first = events(account);

		confirm(proposal).andExpect(status().isOk());
		ObjectNode another = proposal(name, today, "\nWritten up again by the AE.");
		((ObjectNode) another.get("account")).put("id", account);
		confirm(another).andExpect(status().isCreated());

		assertThat(events(account)).isEqualTo(first).hasSize(2);
	}

	@Test
	void aKeptSignalDetectionWouldNotCountIsRefusedNamingItsFieldAndNothingIsWritten() throws Exception {
		String name = "Signal Shoal " + unique();
		ObjectNode proposal = proposal(name, LocalDate.now(clock));

		ObjectNode small = proposal.deepCopy();
		((ObjectNode) small.get("signals").get(1)).put("value", 12);
		confirm(small).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("signals[1].value"))
			.andExpect(jsonPath("$.errors[0].reason").value("a drop of 12% is not over the playbook's 30%"));

		ObjectNode figureless = proposal.deepCopy();
		((ObjectNode) figureless.get("signals").get(0)).put("value", 3);
		confirm(figureless).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("signals[0].value"));

		ObjectNode noRule = proposal.deepCopy();
		((ObjectNode) noRule.get("signals").get(0)).put("signal", "SATISFACTION");
		confirm(noRule).andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("signals[0].signal"));

		ObjectNode unknown = proposal.deepCopy();
		((ObjectNode) unknown.get("signals").get(0)).put("signal", "MOOD_SWING");
		confirm(unknown).andExpect(status().isBadRequest());

		assertThat(jdbc.sql("select count(*) from account where name = :name").param("name", name).query(Integer.class)
			.single()).isZero();
	}

	@Test
	void theReviewPageShowsEachSignalWithItsSpanAndABoxToKeepIt() throws Exception {
		String document = document("Signal Cove " + unique(), LocalDate.now(clock), "\nCSAT fell to 2/5 after the migration.");
		mvc.perform(post("/intake").param("content", document).with(user("alex").roles("CSM")).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<legend>Signals</legend>"),
					containsString("name=\"signals[0].signal\" value=\"SPONSOR_LEFT\" checked"),
					containsString("SPONSOR_LEFT on " + LocalDate.now(clock) + " (sponsor, Mara Quist, has left): within 30 days"),
					containsString("Not counted: has no playbook rule: it is shown for the reviewer, not recorded"),
					containsString("<mark data-span="),
					not(containsString("value=\"SATISFACTION\"")))));
	}

	@Test
	void anUntickedSignalIsNotRecorded() throws Exception {
		String name = "Signal Bay " + unique();
		ObjectNode proposal = proposal(name, LocalDate.now(clock));
		((ObjectNode) proposal.get("signals").get(0)).remove("signal");
		long account = json.readTree(confirm(proposal).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString()).get("accountId").asLong();

		assertThat(events(account)).extracting(e -> e.get("type")).containsExactly("ADOPTION_COLLAPSE_REPORTED");
	}

	private static String document(String account, LocalDate day, String more) {
		return """
				Date: %s
				Customer: %s

				Our executive sponsor, Mara Quist, has left the company. Weekly active users dropped 45%% since the summer.
				There was no security incident.%s
				Action items:
				- Priya: send the RCA by Friday
				""".formatted(day, account, more);
	}

	private ObjectNode proposal(String account, LocalDate day) throws Exception {
		return proposal(account, day, "");
	}

	private ObjectNode proposal(String account, LocalDate day, String more) throws Exception {
		String body = mvc.perform(asAlex(post("/api/intake/notes")).contentType(MediaType.TEXT_PLAIN)
			.content(document(account, day, more).getBytes(StandardCharsets.UTF_8)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		ObjectNode proposal = (ObjectNode) json.readTree(body).get("proposal");
		ObjectNode accountPart = (ObjectNode) proposal.get("account");
		accountPart.putNull("id");
		accountPart.put("name", account);
		accountPart.put("segment", "ENTERPRISE");
		return proposal;
	}

	private ResultActions confirm(JsonNode proposal) throws Exception {
		return mvc.perform(asAlex(post("/api/intake/imports")).content(json.writeValueAsString(proposal)));
	}

	private List<Map<String, String>> events(long account) {
		return jdbc.sql("select type, source from telemetry_event where account_id = :account order by type")
			.param("account", account)
			.query((rs, n) -> Map.of("type", rs.getString("type"), "source", rs.getString("source")))
			.list();
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}
