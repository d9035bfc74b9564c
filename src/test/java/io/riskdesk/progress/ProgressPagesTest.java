package io.riskdesk.progress;

import java.time.Instant;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.AfterEach;
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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The progress panel of the risk page, the register's stale filter and column, and the dashboard's stale figure. */
@RiskdeskTest
@Transactional
class ProgressPagesTest {

	/** When the S1 risk of {@link #setUp()} is due for its first update. */
	private static final Instant DUE = Instant.parse("2025-11-28T16:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	long account;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		clock.set(ProgressApiTest.WEDNESDAY_11AM);
		long owner = new ApiFixtures(mvc).person("Panel Owner");
		account = new ApiFixtures(mvc).newYorkAccount("Page Freight", owner);
		key = ProgressApiTest.triaged(mvc, account, owner, "S1");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request, String username, String role) {
		return request.header("HX-Request", "true").with(user(username).roles(role)).with(csrf());
	}

	@Test
	void theRiskPageLoadsThePanel() throws Exception {
		mvc.perform(get("/risks/{key}", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/risks/" + key + "/progress\"")));
	}

	@Test
	void postsAnUpdateWithItsHealth() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/progress", key), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No progress update yet."), containsString("Post update"),
					containsString("Required: Daily (at most 1 business day between updates)."),
					containsString("Next update due 2025-11-28 16:00 UTC."), not(containsString("Stale since")))));
		mvc.perform(htmx(post("/risks/{key}/progress", key).param("text", "Broker booked for Friday")
			.param("health", "AT_RISK"), "alex", "CSM"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Progress update posted."),
					containsString("Broker booked for Friday"), containsString("health-AT_RISK"),
					containsString("2025-11-26 16:00 UTC by alex"), not(containsString("No progress update yet.")))));
	}

	@Test
	void refusesABlankUpdateInPlace() throws Exception {
		mvc.perform(htmx(post("/risks/{key}/progress", key).param("text", "  ").param("health", "ON_TRACK"), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(allOf(containsString("Not saved: Text is required"),
					containsString("No progress update yet."))));
		mvc.perform(htmx(post("/risks/{key}/progress", key).param("text", "Fine"), "alex", "CSM"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Not saved: Health is required")));
	}

	@Test
	void readersSeeTheUpdatesWithoutTheForm() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/progress", key), "erin", "EXEC"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("No progress update yet."), not(containsString("Post update")))));
	}

	@Test
	void aStaleRiskIsMarkedOnThePanelTheRegisterAndTheDashboard() throws Exception {
		clock.set(DUE.minusSeconds(1));
		mvc.perform(get("/risks").param("accountId", String.valueOf(account)).param("stale", "true")
			.with(user("alex").roles("CSM")))
			.andExpect(content().string(not(containsString(">" + key + "<"))));

		clock.set(DUE);
		mvc.perform(htmx(get("/risks/{key}/progress", key), "alex", "CSM"))
			.andExpect(content().string(containsString("Stale since 2025-11-28 16:00 UTC")));
		mvc.perform(get("/risks").param("accountId", String.valueOf(account)).param("stale", "true")
			.with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">" + key + "<"), containsString(">Progress stale<"),
					containsString("since 2025-11-28 16:00 UTC"), containsString("name=\"stale\" value=\"true\" checked"))));
		String csv = mvc.perform(get("/risks.csv").param("accountId", String.valueOf(account)).param("stale", "true")
			.with(user("alex").roles("CSM"))).andReturn().getResponse().getContentAsString();
		org.assertj.core.api.Assertions.assertThat(csv.lines().findFirst().orElseThrow()).contains(",progress_due_at,stale_since");
		org.assertj.core.api.Assertions.assertThat(csv).contains(key).contains("2025-11-28T16:00:00Z,2025-11-28T16:00:00Z");

		// The dashboard counts what the register's filter lists, and links to it.
		int stale = JsonPath.read(mvc.perform(asAlex(get("/api/risks")).param("stale", "true")
			.param("status", "OPEN", "TRIAGED", "ACTIVE")).andReturn().getResponse().getContentAsString(), "$.page.totalElements");
		mvc.perform(get("/").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Stale progress"),
					containsString("href=\"/risks?stale=true&amp;status=OPEN&amp;status=TRIAGED&amp;status=ACTIVE&amp;sort=progressDueAt\">"
							+ stale + " stale</a>"))));
	}

}
