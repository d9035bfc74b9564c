package io.riskdesk.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The demo book a newcomer sees after {@code ./mvnw spring-boot:run}. */
@RiskdeskTest
class DemoDataTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theFourSeedEscalationsAreInTheRegisterWithTheirSeveritiesAndOwners() throws Exception {
		// Documents other tests import are OPEN; the demo's four are ACTIVE.
		mvc.perform(asAlex(get("/api/risks")).param("source", "IMPORT").param("status", "ACTIVE")
			.param("sort", "account"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content[?(@.source == 'IMPORT')].account.name",
					contains("ABC Corp", "GlobalTech Industries", "TechCorp Enterprises", "TechCorp Solutions")))
			.andExpect(jsonPath("$.content[?(@.source == 'IMPORT')].severity", contains("S1", "S0", "S0", "S1")))
			.andExpect(jsonPath("$.content[?(@.source == 'IMPORT')].owner.name",
					contains("Lisa Wong", "Sarah Martinez", "Jennifer Liu", "Alex Johnson")))
			.andExpect(jsonPath("$.content[?(@.source == 'IMPORT')].status", contains("ACTIVE", "ACTIVE", "ACTIVE", "ACTIVE")));
	}

	@Test
	void theSeedRisksCarryTheDocumentsFacts() throws Exception {
		String techCorp = "$.content[?(@.account.name == 'TechCorp Enterprises')]";
		String techCorpRisks = mvc.perform(asAlex(get("/api/risks")).param("q", "TechCorp Enterprises"))
			.andExpect(jsonPath(techCorp + ".arrAtRisk.amount", contains(850000.0)))
			.andReturn().getResponse().getContentAsString();
		// The seed dates moved next to today (DemoDates); the notice still gives 85 days to 2026-02-28's renewal.
		Instant detected = Instant.parse(JsonPath.<List<String>>read(techCorpRisks, techCorp + ".detectedAt").get(0));
		LocalDate renewal = LocalDate.parse(JsonPath.<List<String>>read(techCorpRisks, techCorp + ".renewalDate").get(0));
		assertThat(LocalDate.ofInstant(detected, ZoneOffset.UTC).plusDays(85)).isEqualTo(renewal);
		assertThat(detected).isBetween(Instant.now().minus(Duration.ofDays(9)), Instant.now());
		mvc.perform(asAlex(get("/api/risks")).param("q", "GlobalTech"))
			.andExpect(jsonPath("$.content[0].arrAtRisk.amount").value(2300000.0))
			.andExpect(jsonPath("$.content[0].category").value("INCIDENT"));
		String key = JsonPath.read(mvc.perform(asAlex(get("/api/risks")).param("q", "ABC Corp"))
			.andReturn().getResponse().getContentAsString(), "$.content[0].key");
		String abc = mvc.perform(asAlex(get("/api/risks/{key}", key)))
			.andExpect(jsonPath("$.arrAtRisk").doesNotExist())
			.andExpect(jsonPath("$.missingTriageSteps", hasSize(0)))
			.andExpect(jsonPath("$.cadence").value("THREE_TIMES_WEEKLY"))
			.andReturn().getResponse().getContentAsString();
		LocalDate meetingDay = LocalDate.ofInstant(Instant.parse(JsonPath.read(abc, "$.detectedAt")), ZoneOffset.UTC);
		// The seed's action items are the risk's milestones, one list: none is a separate timeline line.
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[*].owner",
					containsInAnyOrder("Lisa Wong", "David Park", "Rachel Kim", "Mike Davis", "Sarah Johnson", "Team")))
			// "6 PM today": due the day of the meeting, wherever the seed dates moved.
			.andExpect(jsonPath("$[?(@.owner == 'Lisa Wong')].due", contains(meetingDay.toString())))
			// Undated items have no date yet.
			.andExpect(jsonPath("$[?(@.owner == 'David Park')].due", contains((Object) null)));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'ACTION_ITEM')]", hasSize(0)))
			.andExpect(jsonPath("$[?(@.kind == 'DECISION')]", hasSize(3)));
	}

	@Test
	void globalTechsActionItemsAreItsPlanWithDirectoryOwners() throws Exception {
		String key = JsonPath.read(mvc.perform(asAlex(get("/api/risks")).param("q", "GlobalTech Industries")
			.param("source", "IMPORT")).andReturn().getResponse().getContentAsString(), "$.content[0].key");
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			// In the meeting's order, the first one dated, the undated ones with no date yet.
			// The meeting's thirteen, then the live call its S0 triage asked for, owned by the risk's owner.
			.andExpect(jsonPath("$", hasSize(14)))
			.andExpect(jsonPath("$[0:3].title", contains("Schedule executive call with GlobalTech CEO",
					"Prepare resolution proposal presentation", "Coordinate with legal for contract amendments")))
			.andExpect(jsonPath("$[0:3].position", contains(1, 2, 3)))
			.andExpect(jsonPath("$[1].due").value(org.hamcrest.Matchers.nullValue()))
			.andExpect(jsonPath("$[12].title").value("Resolution effectiveness review meeting"))
			.andExpect(jsonPath("$[13].title").value("Hold the S0 live call"))
			// Sarah Martinez and Lisa Wong are people of the directory; the milestones link them.
			.andExpect(jsonPath("$[?(@.owner == 'Sarah Martinez')].ownerId", hasSize(4)))
			.andExpect(jsonPath("$[?(@.owner == 'Sarah Martinez' && @.ownerId == null)]", hasSize(0)));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'ACTION_ITEM')]", hasSize(0)));
	}

	@Test
	void aSyntheticBookFillsEveryList() throws Exception {
		mvc.perform(asAlex(get("/api/accounts")).param("size", "1"))
			.andExpect(jsonPath("$.page.totalElements", greaterThanOrEqualTo(50)));
		for (String status : new String[] { "OPEN", "TRIAGED", "ACTIVE", "RESOLVED", "CLOSED" }) {
			mvc.perform(asAlex(get("/api/risks")).param("status", status))
				.andExpect(jsonPath("$.page.totalElements", greaterThanOrEqualTo(3)));
		}
		mvc.perform(asAlex(get("/api/risks")).param("renewalWithinDays", "90").param("size", "200"))
			.andExpect(jsonPath("$.content[*].severity", hasItem("S1")));
	}

	@Test
	void theDemoTelemetryOpenedRisksBySignalsThatExplainThemselves() throws Exception {
		Map<String, String> stories = Map.of("Lumenfield Education", "ADOPTION", "Fairhaven Senior Living", "PEOPLE",
				"Granite Peak Outfitters", "COMMERCIAL");
		for (Map.Entry<String, String> story : stories.entrySet()) {
			String found = mvc.perform(asAlex(get("/api/risks")).param("q", story.getKey()).param("source", "SIGNAL")
				.param("category", story.getValue()))
				.andExpect(jsonPath("$.content", hasSize(1)))
				.andReturn().getResponse().getContentAsString();
			mvc.perform(asAlex(get("/api/risks/{key}", JsonPath.<String>read(found, "$.content[0].key"))))
				.andExpect(jsonPath("$.description", startsWith("Found by signal detection")))
				.andExpect(jsonPath("$.evidence", not(empty())));
			mvc.perform(asAlex(get("/api/accounts/{id}/signals", accountId(story.getKey()))))
				.andExpect(jsonPath("$.active[*].finding.category", hasItem(story.getValue())))
				.andExpect(jsonPath("$.active[*].finding.explanation", everyItem(not(emptyString()))));
		}
		// Cobaltline's support storm went to the Sev-1 risk the demo already had for it, as evidence.
		String cobaltline = mvc.perform(asAlex(get("/api/risks")).param("q", "Cobaltline").param("category", "SUPPORT"))
			.andExpect(jsonPath("$.content", hasSize(1)))
			.andReturn().getResponse().getContentAsString();
		String key = JsonPath.read(cobaltline, "$.content[0].key");
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'REPORT_ATTACHED')]", not(empty())));
		mvc.perform(asAlex(get("/api/accounts/{id}/signals", accountId("Cobaltline Networks"))))
			.andExpect(jsonPath("$.active[*].finding.ruleId", hasItem("sev1-tickets")));
		// The healthy accounts with telemetry fire nothing.
		for (String healthy : List.of("Montclair Staffing", "Cedar & Slate Realty", "Eastgate Community Bank",
				"Nordlicht Energie")) {
			mvc.perform(asAlex(get("/api/accounts/{id}/signals", accountId(healthy))))
				.andExpect(jsonPath("$.active", empty()));
		}
	}

	private long accountId(String name) {
		return jdbc.sql("select id from account where name = :name and external_id like 'CRM-%'")
			.param("name", name)
			.query(Long.class)
			.single();
	}

}
