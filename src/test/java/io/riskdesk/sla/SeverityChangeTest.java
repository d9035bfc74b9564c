package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskEvents.RiskTriaged;
import io.riskdesk.risk.RiskEvents.SeverityChanged;
import io.riskdesk.risk.RiskEvents.TriageStepRecorded;
import io.riskdesk.risk.TriageStep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * What a severity change does to a risk's clocks and cadence: no silent change at triage, a
 * downgrade keeps a warning on record, an escalation owes the new level's stakeholders a
 * notification and moves a default cadence to the new level's.
 */
@RiskdeskTest
@RecordApplicationEvents
class SeverityChangeTest {

	/** Tuesday 2026-11-24 10:00 in New York. */
	private static final Instant TUESDAY_10AM = Instant.parse("2026-11-24T15:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	ApplicationEvents events;

	ApiFixtures fixtures;

	long owner;

	long account;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(TUESDAY_10AM);
		fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Escalation Owner");
		account = fixtures.account("Escalation Works", owner);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void changingTheSeverityAtTriageNeedsAReason() throws Exception {
		String key = risk("S0");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "TRIAGED", "severity": "S1", "ownerId": %d}""".formatted(owner)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("reason"));
		show(key).andExpect(jsonPath("$.status").value("OPEN")).andExpect(jsonPath("$.severity").value("S0"));

		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "TRIAGED", "severity": "S1", "ownerId": %d, "reason": "One region only"}""".formatted(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.severity").value("S1"));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'SEVERITY_CHANGED')].summary",
					hasItem("Severity S0 -> S1: at triage: One region only")));
	}

	/** Each fact once, carrying what the clocks need, so no listener loads the risk again. */
	@Test
	void aTriageWithANewSeverityPublishesEachFactOnce() throws Exception {
		String key = risk("S2");
		events.clear();
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "TRIAGED", "severity": "S0", "ownerId": %d, "reason": "Outage for all users"}""".formatted(owner)))
			.andExpect(status().isOk());

		assertThat(events.stream(SeverityChanged.class).filter(e -> e.riskKey().equals(key)))
			.singleElement()
			.satisfies(change -> {
				assertThat(change.from()).isEqualTo(Severity.S2);
				assertThat(change.to()).isEqualTo(Severity.S0);
				assertThat(change.escalation()).isTrue();
				assertThat(change.sla().accountId()).isEqualTo(account);
			});
		assertThat(events.stream(RiskTriaged.class).filter(e -> e.riskKey().equals(key)))
			.singleElement()
			.satisfies(triaged -> {
				assertThat(triaged.sla().severity()).isEqualTo(Severity.S0);
				assertThat(triaged.sla().detectedAt()).isEqualTo(TUESDAY_10AM);
				assertThat(triaged.ownerId()).isEqualTo(owner);
			});
		assertThat(events.stream(TriageStepRecorded.class).filter(e -> e.riskKey().equals(key)))
			.singleElement()
			.extracting(TriageStepRecorded::step)
			.isEqualTo(TriageStep.ASSIGN_SEVERITY_AND_OWNERS);
		assertThat(events.stream(SlaEvents.ClockRetargeted.class).filter(e -> e.riskKey().equals(key)))
			.extracting(SlaEvents.ClockRetargeted::clock)
			.containsExactlyInAnyOrder(ClockKind.FIRST_RESPONSE, ClockKind.NOTIFICATION);
	}

	@Test
	void theTriageFormAsksForTheReasonToo() throws Exception {
		String key = risk("S0");
		mvc.perform(post("/risks/{key}/triage", key).header("HX-Request", "true")
			.with(user("alex").roles("CSM"))
			.with(csrf())
			.param("version", "0")
			.param("severity", "S1")
			.param("ownerId", String.valueOf(owner)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("is required to change the severity at triage")));
		// Keeping the severity needs no reason.
		mvc.perform(post("/risks/{key}/triage", key).header("HX-Request", "true")
			.with(user("alex").roles("CSM"))
			.with(csrf())
			.param("version", "0")
			.param("severity", "S0")
			.param("ownerId", String.valueOf(owner)))
			.andExpect(status().isOk());
	}

	@Test
	void aDowngradeKeepsAWarningOnRecord() throws Exception {
		String key = risk("S0");
		// S0 answers within 2 h; at 1 h 40 min the warning (75%) is due.
		clock.set(TUESDAY_10AM.plus(Duration.ofMinutes(100)));
		changeSeverity(key, "S1", "Only one team affected");

		assertThat(clock(key, "FIRST_RESPONSE")).hasEntrySatisfying("target", target -> assertThat(target).asString().startsWith("S1"))
			.hasEntrySatisfying("warnedAt", warnedAt -> assertThat(warnedAt).isNotNull());
		mvc.perform(asAlex(get("/api/risks")).param("accountId", String.valueOf(account)))
			.andExpect(jsonPath("$.content[0].slaStatus").value("AT_RISK"));
	}

	@Test
	void anEscalationOwesTheNewLevelsStakeholdersANotification() throws Exception {
		String key = triaged("S2");
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key)).content("""
				{"step": "NOTIFY_STAKEHOLDERS", "note": "Emailed the POC"}"""))
			.andExpect(status().isOk());
		assertThat(clock(key, "NOTIFICATION")).containsEntry("state", "MET");

		clock.set(TUESDAY_10AM.plus(Duration.ofHours(2)));
		changeSeverity(key, "S0", "Outage for all users");
		assertThat(clock(key, "NOTIFICATION")).containsEntry("state", "RUNNING")
			.containsEntry("startedAt", "2026-11-24T17:00:00Z")
			.hasEntrySatisfying("target", target -> assertThat(target).asString().startsWith("S0"));

		mvc.perform(asAlex(post("/api/risks/{key}/notifications", key)).content("""
				{"text": "Called the sponsor and the CTO"}"""))
			.andExpect(status().isOk());
		assertThat(clock(key, "NOTIFICATION")).containsEntry("state", "MET");
	}

	@Test
	void theDefaultCadenceFollowsTheSeverityAChosenOneStays() throws Exception {
		String followed = triaged("S2");
		setCadence(followed, null);
		show(followed).andExpect(jsonPath("$.cadence").value("WEEKLY"));
		changeSeverity(followed, "S0", "Outage");
		show(followed).andExpect(jsonPath("$.cadence").value("DAILY"));

		String chosen = triaged("S2");
		setCadence(chosen, "THREE_TIMES_WEEKLY");
		changeSeverity(chosen, "S0", "Outage");
		show(chosen).andExpect(jsonPath("$.cadence").value("THREE_TIMES_WEEKLY"));
	}

	private String risk(String severity) throws Exception {
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Checkout errors", "category": "SUPPORT", "severity": "%s", "ownerId": %d}"""
			.formatted(account, severity, owner))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(created, "$.key");
	}

	private String triaged(String severity) throws Exception {
		String key = risk(severity);
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("{\"to\": \"TRIAGED\"}"))
			.andExpect(status().isOk());
		return key;
	}

	private ResultActions show(String key) throws Exception {
		return mvc.perform(asAlex(get("/api/risks/{key}", key))).andExpect(status().isOk());
	}

	/** The risk's clock of that kind, as the API shows it. */
	private Map<String, Object> clock(String key, String kind) throws Exception {
		String clocks = mvc.perform(asAlex(get("/api/risks/{key}/clocks", key))).andReturn().getResponse().getContentAsString();
		List<Map<String, Object>> ofKind = JsonPath.read(clocks, "$[?(@.kind == '" + kind + "')]");
		assertThat(ofKind).hasSize(1);
		return ofKind.get(0);
	}

	private void changeSeverity(String key, String severity, String reason) throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key)).content("""
				{"severity": "%s", "reason": "%s"}""".formatted(severity, reason))).andExpect(status().isOk());
	}

	private void setCadence(String key, String cadence) throws Exception {
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key)).content(cadence == null
				? "{\"step\": \"SET_CADENCE\"}" : "{\"step\": \"SET_CADENCE\", \"cadence\": \"%s\"}".formatted(cadence)))
			.andExpect(status().isOk());
	}

}
