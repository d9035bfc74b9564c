package io.riskdesk.cadence;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The cadence panel of the risk page, as htmx loads and posts it, on today's dates (an account in Chicago). */
@RiskdeskTest
@Transactional
class CadencePanelTest {

	private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");

	@Autowired
	MockMvc mvc;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long account = fixtures.account("Cadence Co", fixtures.person("Cadence Panel Owner"));
		String created = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Weekly calls missed", "category": "SUPPORT", "severity": "S1"}""".formatted(account)))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		key = JsonPath.read(created, "$.key");
	}

	private MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username, String role) {
		return request.header("HX-Request", "true").with(user(username).roles(role)).with(csrf());
	}

	private MockHttpServletRequestBuilder meeting(String dueOfFirstItem) {
		String heldAt = LocalDateTime.now(CHICAGO).minusHours(2).truncatedTo(ChronoUnit.MINUTES).toString();
		return htmx(post("/risks/{key}/cadence/meetings", key), "alex", "CSM").param("heldAt", heldAt)
			.param("attendees", "Alex Johnson\nDana Fox")
			.param("notes", "Calls are back on track")
			.param("decisions", "Keep the Tuesday slot")
			.param("actionTitle", "Send the call notes", "", "")
			.param("actionOwner", "Dana Fox", "", "")
			.param("actionDue", dueOfFirstItem, "", "");
	}

	@Test
	void setsUpTheMeetingsAndListsTheNextOnesWithTheirInvites() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/cadence", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No meetings set up yet"), containsString("Set up meetings"),
					containsString("America/Chicago"), containsString("No meeting recorded yet."))));

		mvc.perform(htmx(post("/risks/{key}/cadence", key).param("timeOfDay", "10:00").param("minutes", "30"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Meetings set up."), containsString("3× a week"),
					containsString("at 10:00 America/Chicago for 30 minutes"), containsString("Invite to the series (.ics)"),
					containsString("/risks/" + key + "/cadence.ics?meeting="), containsString("Change meetings"),
					containsString("name=\"version\" value=\"0\""))));
		mvc.perform(asAlex(get("/api/risks/{key}", key))).andExpect(jsonPath("$.cadence").value("THREE_TIMES_WEEKLY"));

		// A form rendered before someone else's change is refused.
		mvc.perform(htmx(post("/risks/{key}/cadence", key).param("version", "0").param("timeOfDay", "11:00")
			.param("minutes", "30"), "alex", "CSM")).andExpect(status().isOk());
		mvc.perform(htmx(post("/risks/{key}/cadence", key).param("version", "0").param("timeOfDay", "12:00")
			.param("minutes", "30"), "alex", "CSM"))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString("changed by someone else"), containsString("at 11:00"))));
		mvc.perform(htmx(post("/risks/{key}/cadence", key).param("version", "1").param("timeOfDay", "12:00")
			.param("minutes", "1"), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Minutes")));

		mvc.perform(get("/risks/{key}/cadence.ics", key).with(user("jordan").roles("AE")))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Type", containsString("text/calendar")))
			.andExpect(content().string(allOf(containsString("RRULE:FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR"),
					containsString("DTSTART;TZID=America/Chicago:"))));
	}

	@Test
	void recordsAMeetingWhoseActionItemsJoinThePlan() throws Exception {
		mvc.perform(meeting(LocalDate.now(CHICAGO).plusDays(7).toString()))
			.andExpect(status().isOk())
			// The risk changed under the page's other panels: htmx reloads the page.
			.andExpect(header().string("HX-Refresh", "true"))
			.andExpect(content().string(allOf(containsString("Meeting recorded."), containsString("with Alex Johnson, Dana Fox"),
					containsString("1 decision, 1 action item"), containsString("Calls are back on track"))));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key)))
			.andExpect(jsonPath("$[0].title").value("Send the call notes"));
	}

	@Test
	void aBadActionItemIsNamedAndWhatWasTypedStays() throws Exception {
		mvc.perform(meeting(""))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Not saved:"), containsString("Due"),
					containsString("value=\"Send the call notes\""), containsString("Calls are back on track"),
					containsString("No meeting recorded yet."))));
		mvc.perform(asAlex(get("/api/risks/{key}/milestones", key))).andExpect(jsonPath("$").isEmpty());
	}

	@Test
	void readersSeeTheMeetingsButNoForms() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/cadence", key), "jordan", "AE"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Cadence meetings"), not(containsString("Set up meetings")),
					not(containsString("Record meeting")))));
		mvc.perform(htmx(post("/risks/{key}/cadence", key).param("timeOfDay", "10:00").param("minutes", "30"), "jordan", "AE"))
			.andExpect(status().isForbidden());
	}

}
