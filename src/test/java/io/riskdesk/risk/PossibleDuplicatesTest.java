package io.riskdesk.risk;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Logging a risk for an account that already has an unresolved risk of the same category: the
 * API logs it and names the earlier ones, the page asks first; either may attach the report to
 * the earlier risk instead.
 */
@RiskdeskTest
class PossibleDuplicatesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	long account;

	String earlier;

	@BeforeEach
	void anAccountWithAnUnresolvedSupportRisk() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		account = fixtures.account("Reported Twice", fixtures.person("Twice Owner"));
		earlier = fixtures.risk(account, "Sev-1 tickets piling up");
	}

	// The API

	@Test
	void loggingListsTheUnresolvedRisksOfTheSameAccountAndCategoryAndStillLogs() throws Exception {
		logViaApi("SUPPORT", "Ticket backlog again").andExpect(status().isCreated())
			.andExpect(jsonPath("$.key", not(earlier)))
			.andExpect(jsonPath("$.title").value("Ticket backlog again"))
			.andExpect(jsonPath("$.possibleDuplicates", hasSize(1)))
			.andExpect(jsonPath("$.possibleDuplicates[0].key").value(earlier))
			.andExpect(jsonPath("$.possibleDuplicates[0].title").value("Sev-1 tickets piling up"))
			.andExpect(jsonPath("$.possibleDuplicates[0].status").value("OPEN"))
			.andExpect(jsonPath("$.possibleDuplicates[0].severity").isEmpty())
			.andExpect(jsonPath("$.possibleDuplicates[0].attach").value("/api/risks/" + earlier + "/reports"));
	}

	@Test
	void anotherCategoryAnotherAccountOrAResolvedOrClosedRiskIsNoPossibleDuplicate() throws Exception {
		logViaApi("PEOPLE", "Champion left").andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicates", empty()));

		ApiFixtures fixtures = new ApiFixtures(mvc);
		long other = fixtures.account("Elsewhere", fixtures.person("Other Owner"));
		mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "Tickets", "category": "SUPPORT"}""".formatted(other)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.possibleDuplicates", empty()));

		String second = fixtures.risk(account, "Tickets again");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", second)).content("""
				{"to": "CLOSED", "duplicateOf": "%s"}""".formatted(earlier))).andExpect(status().isOk());
		logViaApi("SUPPORT", "Third time").andExpect(jsonPath("$.possibleDuplicates[*].key", contains(earlier)));
	}

	@Test
	void aReportAttachedToARiskAddsItsEvidenceAndATimelineEntry() throws Exception {
		attach(earlier, """
				{"title": "Customer escalated the ticket backlog", "description": "Their VP called the AE.",
				 "evidence": ["3 Sev-1 tickets in 30 days", "VP call on Monday"]}""")
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.key").value(earlier))
			.andExpect(jsonPath("$.title").value("Sev-1 tickets piling up"))
			// The evidence the risk had already is not added twice.
			.andExpect(jsonPath("$.evidence", contains("3 Sev-1 tickets in 30 days", "VP call on Monday")));

		mvc.perform(asAlex(get("/api/risks/{key}/timeline", earlier)))
			.andExpect(jsonPath("$[-1].kind").value("REPORT_ATTACHED"))
			.andExpect(jsonPath("$[-1].summary")
				.value("Reported again: Customer escalated the ticket backlog\nTheir VP called the AE."))
			.andExpect(jsonPath("$[-1].details.evidenceAdded").value(1));
		assertThat(risksOf(account)).isEqualTo(1);
	}

	@Test
	void attachingNeedsAKnownUnclosedRiskAndAValidReport() throws Exception {
		attach("RISK-1999-0001", "{\"title\": \"Backlog\"}").andExpect(status().isNotFound());
		attach(earlier, "{\"title\": \" \", \"evidence\": [\"ok\", \"\"]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field", allOf(hasItem("title"), hasItem("evidence[1]"))));
		attach(earlier, "{\"title\": \"" + "x".repeat(301) + "\"}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("title"));
		mvc.perform(asAlex(post("/api/risks/{key}/reports", earlier)).header("If-Match", "\"99\"")
			.content("{\"title\": \"Backlog\"}")).andExpect(status().isConflict());

		String other = new ApiFixtures(mvc).risk(account, "Tickets again");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", earlier)).content("""
				{"to": "CLOSED", "duplicateOf": "%s"}""".formatted(other))).andExpect(status().isOk());
		attach(earlier, "{\"title\": \"Backlog\"}").andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("is closed")));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", earlier)))
			.andExpect(jsonPath("$[*].kind", not(hasItem("REPORT_ATTACHED"))));
	}

	@Test
	void aRiskHoldsAtMostFiftyEvidenceItemsAfterAnAttachToo() throws Exception {
		String items = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "\"item " + i + "\"")
			.collect(java.util.stream.Collectors.joining(", "));
		attach(earlier, "{\"title\": \"Fifty more\", \"evidence\": [" + items + "]}").andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("evidence"))
			.andExpect(jsonPath("$.errors[0].reason", containsString("at most 50")));
		mvc.perform(asAlex(get("/api/risks/{key}", earlier))).andExpect(jsonPath("$.evidence", hasSize(1)));
	}

	// The new-risk page

	@Test
	void thePageLogsNothingAndListsTheUnresolvedRisksUntilTheUserChooses() throws Exception {
		mvc.perform(newRiskForm("Backlog keeps growing"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("This account already has an unresolved Support risk"),
					containsString("href=\"/risks/" + earlier + "\""), containsString("Sev-1 tickets piling up"),
					containsString("name=\"attachTo\" value=\"" + earlier + "\""), containsString("Attach to " + earlier),
					containsString("Log as a new risk anyway"),
					// The form keeps what was typed.
					containsString("value=\"Backlog keeps growing\""), containsString("Two VPs complained"))));
		assertThat(risksOf(account)).isEqualTo(1);

		mvc.perform(newRiskForm("Backlog keeps growing").param("confirmed", "true"))
			.andExpect(redirectedUrlPattern("/risks/RISK-*?created"));
		assertThat(risksOf(account)).isEqualTo(2);
	}

	@Test
	void thePageAttachesTheReportToTheChosenRisk() throws Exception {
		mvc.perform(newRiskForm("Backlog keeps growing").param("attachTo", earlier))
			.andExpect(redirectedUrl("/risks/" + earlier))
			.andExpect(flash().attribute("message", "Attached to " + earlier
					+ ": the report is on its timeline, its evidence on the risk."));
		assertThat(risksOf(account)).isEqualTo(1);
		mvc.perform(asAlex(get("/api/risks/{key}", earlier)))
			.andExpect(jsonPath("$.evidence", contains("3 Sev-1 tickets in 30 days", "Two VPs complained")));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", earlier)))
			.andExpect(jsonPath("$[-1].summary").value("Reported again: Backlog keeps growing\nSeen in the QBR"));
	}

	@Test
	void thePageAttachesOnlyToARiskItStillOffers() throws Exception {
		String other = new ApiFixtures(mvc).risk(account, "Tickets again");
		mvc.perform(asAlex(post("/api/risks/{key}/transitions", other)).content("""
				{"to": "CLOSED", "duplicateOf": "%s"}""".formatted(earlier))).andExpect(status().isOk());

		mvc.perform(newRiskForm("Backlog keeps growing").param("attachTo", other))
			.andExpect(status().isConflict())
			.andExpect(content().string(allOf(containsString(other + " is not an unresolved Support risk of this account"),
					containsString("Attach to " + earlier), not(containsString("Attach to " + other)))));
		mvc.perform(asAlex(get("/api/risks/{key}/timeline", other)))
			.andExpect(jsonPath("$[*].kind", not(hasItem("REPORT_ATTACHED"))));
	}

	private MockHttpServletRequestBuilder newRiskForm(String title) {
		return post("/risks/new").with(user("alex").roles("CSM"))
			.with(csrf())
			.param("accountId", String.valueOf(account))
			.param("title", title)
			.param("category", "SUPPORT")
			.param("description", "Seen in the QBR")
			.param("evidence", "Two VPs complained");
	}

	private ResultActions logViaApi(String category, String title) throws Exception {
		return mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "%s"}""".formatted(account, title, category)));
	}

	private ResultActions attach(String key, String report) throws Exception {
		return mvc.perform(asAlex(post("/api/risks/{key}/reports", key)).content(report));
	}

	private int risksOf(long accountId) {
		return jdbc.sql("select count(*) from risk where account_id = :id").param("id", accountId).query(Integer.class).single();
	}

}
