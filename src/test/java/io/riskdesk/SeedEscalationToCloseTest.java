package io.riskdesk;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 11's "done when", through the API: the GlobalTech seed escalation imported, then worked
 * to its close the way a CS team would: the playbook's CAP template, progress updates, cadence
 * meetings with their invite, the service credit computed and approved by the role whose limit
 * covers it, resolved with its root cause and prevention items, closed with its outcome.
 */
@RiskdeskTest
class SeedEscalationToCloseTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theGlobalTechEscalationIsWorkedFromItsImportToItsClose() throws Exception {
		// Import: the seed's meeting notes, filed under an account of its own (the demo has GlobalTech already).
		String key = SeedDocuments.importAsNewAccount(mvc, json, "meeting-globaltech.md", "GlobalTech Industries");
		JsonNode risk = ok(asAlex(get("/api/risks/{key}", key)));
		assertThat(risk.get("category").asString()).isEqualTo("INCIDENT");
		int imported = ok(asAlex(get("/api/risks/{key}/milestones", key))).size();
		assertThat(imported).isPositive();

		// The CAP: the playbook's INCIDENT template on top of the imported action items.
		JsonNode preview = ok(asAlex(get("/api/risks/{key}/milestones/template", key)));
		mvc.perform(asAlex(post("/api/risks/{key}/milestones/template", key))).andExpect(status().isCreated());
		assertThat(ok(asAlex(get("/api/risks/{key}/milestones", key)))).hasSize(imported + preview.get("milestones").size());

		// Progress, the stakeholders told, the cadence set up: triage is complete.
		mvc.perform(asAlex(post("/api/risks/{key}/progress", key)).content("""
				{"text": "Backups restored and verified; executive call booked", "health": "AT_RISK"}"""))
			.andExpect(status().isCreated());
		assertThat(ok(asAlex(get("/api/risks/{key}/progress", key))).toString()).contains("AT_RISK");
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key)).content("""
				{"step": "NOTIFY_STAKEHOLDERS", "note": "CEO, VP CS, support and engineering leads by email and a live call"}"""))
			.andExpect(status().isOk());
		JsonNode cadence = ok(asAlex(put("/api/risks/{key}/cadence", key)).content("""
				{"timeOfDay": "09:30", "minutes": 30}"""));
		assertThat(cadence.get("nextMeetings").size()).isPositive();
		Calendar invite = new CalendarBuilder().build(new StringReader(mvc.perform(asAlex(get("/api/risks/{key}/cadence.ics", key)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)));
		VEvent series = invite.<VEvent>getComponents("VEVENT").get(0);
		assertThat(series.getProperty("UID")).isPresent();
		assertThat(series.getProperty("SUMMARY").orElseThrow().getValue()).contains(key);
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("{\"to\": \"ACTIVE\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ACTIVE"));

		// A war-room meeting: its decision joins the risk, its action item the plan.
		Instant heldAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MINUTES);
		mvc.perform(asAlex(post("/api/risks/{key}/meetings", key)).content("""
				{"heldAt": "%s", "attendees": ["Alex Johnson", "Lisa Wong"], "notes": "Backup testing protocol reviewed",
				 "decisions": ["Offer Option 2: a 25%% service credit and a dedicated TAM"],
				 "actionItems": [{"title": "Send the RCA report to the CEO", "owner": "Lisa Wong", "due": "%s"}]}"""
			.formatted(heldAt, LocalDate.now().plusDays(5)))).andExpect(status().isCreated());
		assertThat(ok(asAlex(get("/api/risks/{key}/milestones", key))).findValuesAsString("title"))
			.contains("Send the RCA report to the CEO");

		// The credit: 48 hours down against 99.9% in a 30-day month is a breach, not "within limits".
		JsonNode credit = ok(asAlex(post("/api/sla-credits/calculate")).content("""
				{"uptimeTargetPercent": 99.9, "period": "MONTH", "periodStart": "2025-11-01",
				 "periodFees": {"amount": 230000, "currency": "USD"},
				 "tiers": [{"belowPercent": 99.9, "creditPercent": 10}, {"belowPercent": 99.0, "creditPercent": 25}],
				 "capPercent": 25,
				 "outages": [{"start": "2025-11-03T08:00:00Z", "end": "2025-11-05T08:00:00Z", "scope": "ALL_USERS"}]}"""));
		assertThat(credit.get("met").asBoolean()).isFalse();
		assertThat(credit.get("downtimeMinutes").asLong()).isEqualTo(48 * 60);
		assertThat(credit.get("credit").get("amount").decimalValue()).isEqualByComparingTo("57500");

		// A concession above a CSM's and a manager's limit: the CS leader approves it.
		JsonNode concession = json.readTree(mvc.perform(asAlex(post("/api/risks/{key}/concessions", key)).content("""
				{"kind": "SERVICE_CREDIT", "description": "25%% service credit for November", "amount": %s, "currency": "USD"}"""
			.formatted(credit.get("credit").get("amount").decimalValue().toPlainString())))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString());
		long id = concession.get("id").asLong();
		move(key, id, "alex", "APPROVED").andExpect(status().isForbidden())
			.andExpect(jsonPath("$.rolesThatCanApprove", containsInAnyOrder("CS_LEADER", "EXEC")));
		move(key, id, "morgan", "APPROVED").andExpect(status().isForbidden());
		move(key, id, "casey", "APPROVED").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPROVED"));
		move(key, id, "alex", "OFFERED").andExpect(status().isOk());
		move(key, id, "alex", "ACCEPTED").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));

		// Resolved with its root cause and prevention items, the open plan carried over; closed with its outcome.
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "RESOLVED", "rootCause": "Database corruption during maintenance; the backups had never been test-restored",
				 "preventionItems": [{"text": "Monthly test restore of every backup", "owner": "Lisa Wong", "due": "%s"},
				                     {"text": "Change review for maintenance windows", "owner": "David Chen", "due": "%s"}],
				 "openWork": "CARRY_AS_PREVENTION"}""".formatted(LocalDate.now().plusDays(30), LocalDate.now().plusDays(45))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("RESOLVED"));
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "CLOSED", "outcome": "RETAINED",
				 "summary": "Restored, credited 25% and given a TAM; GlobalTech renewed and restarted the expansion talks"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("CLOSED"));

		Map<String, Object> timings = jdbc.sql("""
				select seconds_to_triage, seconds_to_first_response, seconds_to_resolve, seconds_to_close
				from risk where risk_key = :key""").param("key", key).query().singleRow();
		assertThat(timings.get("seconds_to_triage")).isNotNull();
		assertThat(timings.get("seconds_to_resolve")).isNotNull();
		assertThat(timings.get("seconds_to_close")).isNotNull();
		List<String> kinds = new ArrayList<>();
		ok(asAlex(get("/api/risks/{key}/timeline", key))).forEach(entry -> kinds.add(entry.get("kind").asString()));
		assertThat(kinds).contains("IMPORTED", "MILESTONE", "PROGRESS", "MEETING", "CONCESSION", "DECISION", "TRANSITIONED");
	}

	private ResultActions move(String key, long id, String user, String to) throws Exception {
		String etag = mvc.perform(as(user, get("/api/risks/{key}/concessions/{id}", key, id)))
			.andReturn()
			.getResponse()
			.getHeader(HttpHeaders.ETAG);
		return mvc.perform(as(user, post("/api/risks/{key}/concessions/{id}/transitions", key, id))
			.header(HttpHeaders.IF_MATCH, etag)
			.content("{\"to\": \"%s\"}".formatted(to)));
	}

	private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
		return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8));
	}

}
