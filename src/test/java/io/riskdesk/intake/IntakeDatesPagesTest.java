package io.riskdesk.intake;

import io.riskdesk.SeedDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The review page says which clocks and milestones confirming would start already breached, and
 * moves past due dates. "Now" is Wednesday 2026-11-25 14:00 in Chicago, the day before Thanksgiving.
 */
@RiskdeskTest
class IntakeDatesPagesTest {

	private static final String OVERDUE_FLAG = "<span class=\"overdue\">already overdue</span>";

	@Autowired
	MockMvc mvc;

	@Autowired
	IntakeImports imports;

	@Autowired
	MutableClock clock;

	@BeforeEach
	void wednesdayBeforeThanksgiving() {
		clock.set(Instant.parse("2026-11-25T20:00:00Z"));
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void aYearOldSeedShowsTheClocksThatWouldStartBreachedAndFlagsEveryPastDueDate() throws Exception {
		String seed = new String(SeedDocuments.read("meeting-globaltech.md"), StandardCharsets.UTF_8);
		String page = mvc.perform(asAlex(post("/intake")).param("content", seed))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8)
			.replaceAll("\\s+", " ");

		assertThat(page).contains("This document is dated 2025-11-10:", "these clocks would start already breached:",
				// in the account's time zone, Chicago
				"<strong>Triage</strong> (due <span>2025-11-11 09:00</span>),",
				"<strong>First response</strong> (due <span>2025-11-10 11:00</span>),",
				"<strong>Notification</strong> (due <span>2025-11-10 13:00</span>).",
				"Confirming records them as breached.", "Times in the account&#39;s time zone, America/Chicago.",
				"formaction=\"/intake/move-due-dates\">Move past due dates to Fri 2026-11-27</button>",
				"formaction=\"/intake/check-dates\">Check dates</button>");
		int milestones = imports.review(seed.getBytes(StandardCharsets.UTF_8), null).proposal().actionItems().size();
		assertThat(page.split(OVERDUE_FLAG, -1)).hasSize(milestones + 1);
		assertThat(page).contains(milestones + " milestones are due on a working day that is over");
	}

	@Test
	void movingPastDueDatesPutsThemOnTheNextWorkingDayAndSavesNothing() throws Exception {
		String name = "Dates " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(form("/intake/move-due-dates", name).param("risk.detectedAt", "2026-11-25T13:30")
			.param("actionItems[0].due", "2026-11-20")
			.param("actionItems[1].title", "share the fix plan")
			.param("actionItems[1].owner", "Omar")
			.param("actionItems[1].due", "2026-12-02"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Moved 1 due date to 2026-11-27."),
					containsString("name=\"actionItems[0].due\" value=\"2026-11-27\""),
					containsString("name=\"actionItems[1].due\" value=\"2026-12-02\""),
					containsString("The risk's clocks start on time"), not(containsString(OVERDUE_FLAG)),
					not(containsString("Move past due dates")))));
		assertThat(imports.recent(200)).noneMatch(i -> name.concat(".txt").equals(i.fileName()));
	}

	@Test
	void checkingTheDatesAgainCountsFromWhatTheReviewerChanged() throws Exception {
		String name = "Check " + UUID.randomUUID().toString().substring(0, 6);
		// Detected half an hour ago, due today: on time until 17:00.
		mvc.perform(form("/intake/check-dates", name).param("risk.detectedAt", "2026-11-25T13:30")
			.param("actionItems[0].due", "2026-11-25"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The risk's clocks start on time"),
					not(containsString(OVERDUE_FLAG)), not(containsString("would start already breached")))));

		// The reviewer moves the detection back a week and the due date to yesterday.
		mvc.perform(form("/intake/check-dates", name).param("risk.detectedAt", "2026-11-18T09:00")
			.param("actionItems[0].due", "2026-11-24"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This document is dated 2026-03-02:"),
					containsString("these clocks would start already breached:"), containsString(OVERDUE_FLAG),
					containsString("Move past due dates to Fri 2026-11-27"))));
	}

	@Test
	void confirmingAnOldDocumentSaysWhatStartedBreached() throws Exception {
		String name = "Breached " + UUID.randomUUID().toString().substring(0, 6);
		mvc.perform(form("/intake/confirm", name).param("risk.detectedAt", "2026-03-02T09:00")
			.param("actionItems[0].due", "2026-03-06"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message",
					containsString("Started already breached: Triage, First response, Notification, 1 milestone.")));
	}

	/** The review form of a short document dated 2026-03-02, for a new account in Chicago. */
	private MockHttpServletRequestBuilder form(String path, String accountName) {
		String document = "Date: 2026-03-02\nCustomer: " + accountName + "\nAction items:\n- Priya: send the RCA by Friday\n";
		return post(path).with(user("alex").roles("CSM"))
			.with(csrf())
			.param("content", document)
			.param("fileName", accountName + ".txt")
			.param("account.id", "")
			.param("account.name", accountName)
			.param("account.segment", "MID_MARKET")
			.param("account.country", "US")
			.param("account.timeZone", "America/Chicago")
			.param("risk.title", "Nightly sync failing")
			.param("risk.category", "SUPPORT")
			.param("risk.severity", "S2")
			.param("risk.description", "From the notes")
			.param("actionItems[0].title", "send the RCA")
			.param("actionItems[0].owner", "Priya")
			.param("actionItems[0].status", "TODO");
	}

	private static MockHttpServletRequestBuilder asAlex(MockHttpServletRequestBuilder request) {
		return request.with(user("alex").roles("CSM")).with(csrf());
	}

}
