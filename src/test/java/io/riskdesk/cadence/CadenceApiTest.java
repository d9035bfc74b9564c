package io.riskdesk.cadence;

import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Period;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A risk's cadence meetings through the API, for an account in Berlin around the start of summer
 * time 2026 (29 March: 15:00 in Berlin is 14:00 UTC before, 13:00 UTC after) and Easter (Good
 * Friday 3 April and Easter Monday 6 April are German holidays). All in the past: the shared
 * scheduler tells time by the test clock and would stall after an instant beyond real time.
 */
@RiskdeskTest
@Transactional
class CadenceApiTest {

	private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	/** Monday 23 March 2026, 09:00 in Berlin. */
	private static final Instant MONDAY_MORNING = Instant.parse("2026-03-23T08:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	ApiFixtures fixtures;

	long owner;

	long account;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(MONDAY_MORNING);
		fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Cadence Owner");
		String created = mvc.perform(asAlex(post("/api/accounts")).content("""
				{"name": "Cadence GmbH %s", "arr": {"amount": 250000, "currency": "EUR"}, "renewalDate": "2027-09-30",
				 "segment": "ENTERPRISE", "country": "DE", "timeZone": "Europe/Berlin", "team": {"CSM": %d}}
				""".formatted(unique(), owner))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		account = ((Number) JsonPath.read(created, "$.id")).longValue();
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private String risk(String severity) throws Exception {
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Rollout stalled", "category": "ADOPTION"%s}""".formatted(account,
				severity == null ? "" : ", \"severity\": \"" + severity + "\"")))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.key");
	}

	private ResultActions setUp(String key, String ifMatch, String json) throws Exception {
		var request = asAlex(put("/api/risks/{key}/cadence", key)).content(json);
		return mvc.perform(ifMatch == null ? request : request.header(HttpHeaders.IF_MATCH, ifMatch));
	}

	private ResultActions weeklyAtThree(String key) throws Exception {
		return setUp(key, null, "{\"timeOfDay\": \"15:00\", \"minutes\": 45, \"startsOn\": \"2026-03-23\"}");
	}

	private String invite(String key) throws Exception {
		return mvc.perform(asAlex(get("/api/risks/{key}/cadence.ics", key)))
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.CONTENT_TYPE, containsString("text/calendar")))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static VEvent event(String ics) throws Exception {
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		return calendar.<VEvent>getComponents("VEVENT").get(0);
	}

	private static String property(VEvent event, String name) {
		return event.getProperty(name).orElseThrow().getValue();
	}

	@Test
	void weeklyMeetingsMoveOffAHolidayAndKeepTheirLocalTimeAcrossTheChangeToSummerTime() throws Exception {
		String key = risk("S2");
		weeklyAtThree(key).andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"0\""))
			.andExpect(jsonPath("$.cadence").value("WEEKLY"))
			.andExpect(jsonPath("$.timeZone").value("Europe/Berlin"))
			.andExpect(jsonPath("$.nextMeetings[*].start").value(contains("2026-03-23T14:00:00Z", "2026-03-30T13:00:00Z",
					"2026-04-07T13:00:00Z", "2026-04-13T13:00:00Z", "2026-04-20T13:00:00Z")))
			.andExpect(jsonPath("$.nextMeetings[*].localStart").value(contains("2026-03-23T15:00:00",
					"2026-03-30T15:00:00", "2026-04-07T15:00:00", "2026-04-13T15:00:00", "2026-04-20T15:00:00")))
			.andExpect(jsonPath("$.nextMeetings[0].end").value("2026-03-23T14:45:00Z"))
			.andExpect(jsonPath("$.nextMeetings[1].movedFrom").doesNotExist())
			.andExpect(jsonPath("$.nextMeetings[2].movedFrom").value("2026-04-06"));

		// The set-up is the SET_CADENCE triage step, and a line of the timeline.
		mvc.perform(asAlex(get("/api/risks/{key}", key)))
			.andExpect(jsonPath("$.cadence").value("WEEKLY"))
			.andExpect(jsonPath("$.triageSteps[?(@.step == 'SET_CADENCE')]", hasSize(1)));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MEETING')].summary",
					hasItem("Cadence WEEKLY: meetings at 15:00 Europe/Berlin for 45 minutes from 2026-03-23")));

		// An hour later the first meeting is not over yet; after it, the list starts with the next one.
		clock.set(Instant.parse("2026-03-23T14:30:00Z"));
		mvc.perform(asAlex(get("/api/risks/{key}/cadence", key)).param("meetings", "2"))
			.andExpect(jsonPath("$.nextMeetings[*].start").value(contains("2026-03-23T14:00:00Z", "2026-03-30T13:00:00Z")));
		clock.set(Instant.parse("2026-03-23T15:00:00Z"));
		mvc.perform(asAlex(get("/api/risks/{key}/cadence", key)).param("meetings", "1"))
			.andExpect(jsonPath("$.nextMeetings[*].start").value(contains("2026-03-30T13:00:00Z")));
	}

	@Test
	void theInviteParsedBackHoldsTheComputedMeetingsInTheAccountsZone() throws Exception {
		String key = risk("S1");
		String plan = weeklyAtThree(key).andExpect(jsonPath("$.cadence").value("THREE_TIMES_WEEKLY"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		List<String> computed = JsonPath.read(mvc.perform(asAlex(get("/api/risks/{key}/cadence", key))
			.param("meetings", "6")).andReturn().getResponse().getContentAsString(), "$.nextMeetings[*].start");
		assertThat(computed).containsExactly("2026-03-23T14:00:00Z", "2026-03-25T14:00:00Z", "2026-03-27T14:00:00Z",
				"2026-03-30T13:00:00Z", "2026-04-01T13:00:00Z", "2026-04-07T13:00:00Z");

		String ics = invite(key);
		VEvent event = event(ics);
		assertThat(ics).contains("METHOD:PUBLISH", "BEGIN:VTIMEZONE", "TZID:Europe/Berlin");
		assertThat(event.getProperty("DTSTART").orElseThrow().toString().strip())
			.isEqualTo("DTSTART;TZID=Europe/Berlin:20260323T150000");
		assertThat(property(event, "RRULE")).isEqualTo("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR");
		assertThat(property(event, "DURATION")).isEqualTo("PT45M");
		assertThat(property(event, "UID")).isEqualTo(JsonPath.read(plan, "$.uid"));
		assertThat(property(event, "SUMMARY")).startsWith(key + ": Rollout stalled");
		// Good Friday and Easter Monday are excluded; the Tuesday after gets the meeting instead. So on for
		// the holidays of the year ahead: Whit Monday's meeting moves to the Tuesday too; Labour Day,
		// Christmas Day and New Year's Day fall on a Friday and are skipped, as the Monday after meets
		// anyway (the other German holidays until March 2027 fall on a Thursday or a weekend).
		assertThat(property(event, "EXDATE")).isEqualTo("20260403T150000,20260406T150000,20260501T150000,"
				+ "20260525T150000,20261225T150000,20270101T150000");
		assertThat(property(event, "RDATE")).isEqualTo("20260407T150000,20260526T150000");

		// A calendar expanding the invite gets exactly the meetings the API lists.
		Period<ZonedDateTime> twoWeeks = new Period<>(LocalDateTime.parse("2026-03-23T00:00").atZone(BERLIN),
				LocalDateTime.parse("2026-04-07T23:00").atZone(BERLIN));
		assertThat(event.<ZonedDateTime>calculateRecurrenceSet(twoWeeks)
			.stream()
			.map(period -> period.getStart().toInstant().toString())
			.sorted()).containsExactlyElementsOf(computed);

		assertThat(property(event(invite(key)), "UID")).isEqualTo(property(event, "UID"));

		// One meeting of the series: the same UID, that occurrence's RECURRENCE-ID.
		VEvent moved = event(mvc.perform(asAlex(get("/api/risks/{key}/cadence.ics", key))
			.param("meeting", "2026-04-07T13:00:00Z")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
		assertThat(property(moved, "UID")).isEqualTo(property(event, "UID"));
		assertThat(moved.getProperty("RECURRENCE-ID").orElseThrow().toString().strip())
			.isEqualTo("RECURRENCE-ID;TZID=Europe/Berlin:20260407T150000");
		assertThat(moved.getProperty("RRULE")).isEmpty();
		mvc.perform(asAlex(get("/api/risks/{key}/cadence.ics", key)).param("meeting", "2026-04-06T13:00:00Z"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("meeting"));
	}

	@Test
	void setCadenceIsRecordedOnceAndAChangeNeedsTheVersionItWasReadAt() throws Exception {
		String key = risk("S2");
		// Recorded on the risk before any schedule: setting up the meetings does not record it again.
		mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key)).content("{\"step\": \"SET_CADENCE\"}"))
			.andExpect(status().isOk());
		weeklyAtThree(key).andExpect(status().isOk()).andExpect(jsonPath("$.sequence").value(0));

		setUp(key, null, "{\"timeOfDay\": \"10:30\", \"minutes\": 30}").andExpect(status().isPreconditionRequired());
		setUp(key, "\"0\"", "{\"timeOfDay\": \"10:30\", \"minutes\": 30, \"startsOn\": \"2026-03-23\"}")
			.andExpect(status().isOk())
			.andExpect(header().string(HttpHeaders.ETAG, "\"1\""))
			.andExpect(jsonPath("$.sequence").value(1))
			.andExpect(jsonPath("$.nextMeetings[0].start").value("2026-03-23T09:30:00Z"));
		setUp(key, "\"0\"", "{\"timeOfDay\": \"11:00\", \"minutes\": 30}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.currentVersion").value(1));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.summary =~ /Triage step SET_CADENCE.*/)]", hasSize(1)));
		assertThat(property(event(invite(key)), "SEQUENCE")).isEqualTo("1");
	}

	@Test
	void aCadenceChosenOnTheRiskBeforeTheSetUpIsKept() throws Exception {
		String key = risk("S2");
		String version = mvc.perform(asAlex(get("/api/risks/{key}", key))).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
		mvc.perform(asAlex(patch("/api/risks/{key}", key)).header(HttpHeaders.IF_MATCH, version)
			.content("{\"cadence\": \"TWICE_WEEKLY\"}")).andExpect(status().isOk());
		weeklyAtThree(key).andExpect(status().isOk()).andExpect(jsonPath("$.cadence").value("TWICE_WEEKLY"));
		mvc.perform(asAlex(get("/api/risks/{key}", key)))
			.andExpect(jsonPath("$.cadence").value("TWICE_WEEKLY"))
			.andExpect(jsonPath("$.triageSteps[?(@.step == 'SET_CADENCE')].note").value(contains("Cadence TWICE_WEEKLY")));
	}

	@Test
	void refusesBadInputAndRisksWithoutACadenceWritingNothing() throws Exception {
		String untriaged = risk(null);
		setUp(untriaged, null, "{\"timeOfDay\": \"15:00\", \"minutes\": 45}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("has no severity yet")));
		mvc.perform(asAlex(get("/api/risks/{key}/cadence", untriaged))).andExpect(status().isNotFound());
		mvc.perform(asAlex(get("/api/risks/{key}", untriaged)))
			.andExpect(jsonPath("$.missingTriageSteps", hasItem("SET_CADENCE")));

		String key = risk("S2");
		setUp(key, null, "{\"timeOfDay\": \"15:00\", \"minutes\": 2, \"startsOn\": \"1999-01-01\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("minutes", "startsOn")));
		setUp(key, null, "{\"timeOfDay\": \"25:00\", \"minutes\": 30}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeOfDay"));
		setUp(key, null, "{\"minutes\": 30}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("timeOfDay"));
		mvc.perform(asAlex(get("/api/risks/{key}/cadence.ics", key))).andExpect(status().isNotFound());
		mvc.perform(asAlex(get("/api/risks/{key}/cadence", "RISK-1999-9999"))).andExpect(status().isNotFound());
	}

	@Test
	void aSeverityChangeReplansTheMeetingsUnderTheSameUid() throws Exception {
		String key = risk("S2");
		String uid = JsonPath.read(weeklyAtThree(key).andReturn().getResponse().getContentAsString(), "$.uid");
		clock.set(Instant.parse("2026-03-27T10:00:00Z"));
		mvc.perform(asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S0\", \"reason\": \"Outage for all users\"}")).andExpect(status().isOk());

		mvc.perform(asAlex(get("/api/risks/{key}/cadence", key)).param("meetings", "6"))
			.andExpect(jsonPath("$.cadence").value("DAILY"))
			.andExpect(jsonPath("$.startsOn").value("2026-03-27"))
			.andExpect(jsonPath("$.sequence").value(1))
			.andExpect(jsonPath("$.uid").value(uid))
			.andExpect(jsonPath("$.nextMeetings[*].start").value(contains("2026-03-27T14:00:00Z", "2026-03-30T13:00:00Z",
					"2026-03-31T13:00:00Z", "2026-04-01T13:00:00Z", "2026-04-02T13:00:00Z", "2026-04-07T13:00:00Z")));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MEETING')].summary",
					hasItem("Cadence re-planned: WEEKLY -> DAILY from 2026-03-27")));
		VEvent event = event(invite(key));
		assertThat(property(event, "UID")).isEqualTo(uid);
		assertThat(property(event, "SEQUENCE")).isEqualTo("1");
		assertThat(property(event, "RRULE")).isEqualTo("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,TU,WE,TH,FR");
	}

	@Test
	void aCadenceChosenOnTheRiskReplansAndClosingAsADuplicateEnds() throws Exception {
		String key = risk("S2");
		weeklyAtThree(key);
		String version = mvc.perform(asAlex(get("/api/risks/{key}", key))).andReturn().getResponse().getHeader(HttpHeaders.ETAG);
		mvc.perform(asAlex(patch("/api/risks/{key}", key))
			.header(HttpHeaders.IF_MATCH, version)
			.content("{\"cadence\": \"TWICE_WEEKLY\"}")).andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/risks/{key}/cadence", key)).param("meetings", "2"))
			.andExpect(jsonPath("$.cadence").value("TWICE_WEEKLY"))
			.andExpect(jsonPath("$.sequence").value(1))
			.andExpect(jsonPath("$.nextMeetings[*].start").value(contains("2026-03-24T14:00:00Z", "2026-03-26T14:00:00Z")));

		String original = risk("S2");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"CLOSED\", \"duplicateOf\": \"%s\"}".formatted(original))).andExpect(status().isOk());
		mvc.perform(asAlex(get("/api/risks/{key}/cadence", key)))
			.andExpect(jsonPath("$.endedReason").value("the risk was closed as a duplicate of " + original))
			.andExpect(jsonPath("$.sequence").value(2))
			.andExpect(jsonPath("$.nextMeetings").isEmpty());
		mvc.perform(asAlex(post("/api/risks/{key}/meetings", key)).content("{\"heldAt\": \"2026-03-23T07:00:00Z\", \"attendees\": [\"Alex\"]}"))
			.andExpect(status().isConflict());
	}

	@Test
	void resolvingTheRiskEndsTheMeetingsAndCancelsTheInvite() throws Exception {
		String key = risk("S2");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key))
			.content("{\"to\": \"TRIAGED\", \"ownerId\": %d}".formatted(owner))).andExpect(status().isOk());
		String uid = JsonPath.read(weeklyAtThree(key).andReturn().getResponse().getContentAsString(), "$.uid");
		for (String step : List.of("CREATE_CAP", "NOTIFY_STAKEHOLDERS")) {
			mvc.perform(asAlex(post("/api/risks/{key}/triage-steps", key))
				.content("{\"step\": \"%s\", \"note\": \"Done in the kick-off\"}".formatted(step))).andExpect(status().isOk());
		}
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("{\"to\": \"ACTIVE\"}"))
			.andExpect(status().isOk());
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "RESOLVED", "rootCause": "No enablement", "preventionItems": [{"text": "Enablement in onboarding", "owner": "Lisa Wong", "due": "2027-01-15"}]}"""))
			.andExpect(status().isOk());

		mvc.perform(asAlex(get("/api/risks/{key}/cadence", key)))
			.andExpect(jsonPath("$.endedAt").value(MONDAY_MORNING.toString()))
			.andExpect(jsonPath("$.endedReason").value("the risk was resolved"))
			.andExpect(jsonPath("$.sequence").value(1))
			.andExpect(jsonPath("$.nextMeetings").isEmpty());
		String ics = invite(key);
		assertThat(ics).contains("METHOD:CANCEL");
		VEvent event = event(ics);
		assertThat(property(event, "STATUS")).isEqualTo("CANCELLED");
		assertThat(property(event, "UID")).isEqualTo(uid);
		assertThat(property(event, "SEQUENCE")).isEqualTo("1");
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MEETING')].summary",
					hasItem("Cadence ended: the risk was resolved; the meeting invite is cancelled")));
		setUp(key, "\"1\"", "{\"timeOfDay\": \"15:00\", \"minutes\": 45}").andExpect(status().isConflict());
	}

	@Test
	void aMeetingRecordsItsDecisionsOnTheRiskAndItsActionItemsAsMilestones() throws Exception {
		String key = risk("S2");
		weeklyAtThree(key);
		String attendee = "Mira Cadence " + unique();
		fixtures.person(attendee);
		clock.set(Instant.parse("2026-03-23T15:00:00Z"));

		mvc.perform(asAlex(post("/api/risks/{key}/meetings", key)).content("""
				{"scheduledFor": "2026-03-23T14:00:00Z", "attendees": ["%s", "Dana Fox (customer)"],
				 "notes": "Usage still down in two regions",
				 "decisions": ["Offer two enablement sessions", "Escalate the SSO bug"],
				 "actionItems": [{"title": "Run enablement session 1", "owner": "Priya", "due": "2026-03-30"}]}
				""".formatted(attendee.toLowerCase())))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.heldAt").value("2026-03-23T14:00:00Z"))
			.andExpect(jsonPath("$.attendees[0].name").value(attendee))
			.andExpect(jsonPath("$.attendees[0].personId").isNumber())
			.andExpect(jsonPath("$.attendees[1].personId").doesNotExist())
			.andExpect(jsonPath("$.milestoneIds", hasSize(1)));

		mvc.perform(asAlex(get("/api/risks/{key}", key)))
			.andExpect(jsonPath("$.decisions[*].text").value(contains("Offer two enablement sessions", "Escalate the SSO bug")));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[*].title").value(contains("Run enablement session 1")))
			.andExpect(jsonPath("$[0].owner").value("Priya"));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", key)))
			.andExpect(jsonPath("$[?(@.kind == 'MEETING')].summary", hasItem("Meeting held 2026-03-23 15:00 Europe/Berlin: "
					+ "attendees " + attendee + ", Dana Fox (customer); 2 decisions, 1 action item")));
		mvc.perform(asAlex(get("/api/risks/{key}/meetings", key)))
			.andExpect(jsonPath("$[*].notes").value(contains("Usage still down in two regions")));
	}

	@Test
	void aMeetingWithABadPartIsRefusedNamingItAndNothingIsWritten() throws Exception {
		String key = risk("S2");
		weeklyAtThree(key);
		clock.set(Instant.parse("2026-03-23T15:00:00Z"));
		String meeting = """
				{%s, "attendees": ["Alex"], "decisions": ["Go"],
				 "actionItems": [{"title": "Fine", "owner": "Priya", "due": "2026-03-30"}, {"title": "No due", "owner": "Priya"}]}""";

		mvc.perform(asAlex(post("/api/risks/{key}/meetings", key)).content(meeting.formatted("\"heldAt\": \"2026-03-23T14:00:00Z\"")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("actionItems[1].due")));
		mvc.perform(asAlex(post("/api/risks/{key}/meetings", key)).content(meeting.formatted("\"heldAt\": \"2026-03-24T14:00:00Z\"")
			.replace(", {\"title\": \"No due\", \"owner\": \"Priya\"}", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("heldAt"))
			.andExpect(jsonPath("$.errors[0].reason", containsString("must not be in the future")));
		mvc.perform(asAlex(post("/api/risks/{key}/meetings", key)).content(meeting.formatted("\"scheduledFor\": \"2026-03-23T13:00:00Z\"")
			.replace(", {\"title\": \"No due\", \"owner\": \"Priya\"}", "")))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("scheduledFor"));
		mvc.perform(asAlex(post("/api/risks/{key}/meetings", key)).content("{\"attendees\": []}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(contains("attendees")));

		mvc.perform(asAlex(get("/api/risks/{key}/meetings", key))).andExpect(jsonPath("$").isEmpty());
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$").isEmpty());
		mvc.perform(asAlex(get("/api/risks/{key}", key))).andExpect(jsonPath("$.decisions").isEmpty());
	}

	private static String unique() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
