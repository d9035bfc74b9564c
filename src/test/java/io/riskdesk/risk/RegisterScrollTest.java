package io.riskdesk.risk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
@Transactional
class RegisterScrollTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	ApiFixtures fixtures;

	long account;

	long owner;

	@BeforeEach
	void setUp() throws Exception {
		fixtures = new ApiFixtures(mvc);
		owner = fixtures.person("Scroll Owner");
		account = fixtures.account("Scroll Rockets", owner);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	/**
	 * Pages of 4 by cursor, while two risks are logged between every two pages (sorting anywhere,
	 * before the cursor too): every risk there at the start comes exactly once, and no risk twice.
	 * Owners are partly null, severities all null (untriaged), detection times partly equal. (A risk
	 * whose sort value changes to a place before the cursor is not shown again: that is paging.)
	 */
	@ParameterizedTest
	@ValueSource(strings = { "", "owner,desc", "severity,desc", "title", "detectedAt,desc", "nextDueAt",
			"arrAtRisk,desc" })
	void returnsEveryRiskExactlyOnceWhileRisksAreLoggedBetweenPages(String sort) throws Exception {
		List<String> before = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			before.add(log("Scroll risk " + (char) ('a' + (i * 7) % 11), i % 3 == 0 ? null : owner));
			clock.advance(Duration.ofSeconds(i % 2 == 0 ? 0 : 60));
		}
		List<String> seen = new ArrayList<>();
		String after = null;
		int pages = 0;
		do {
			MockHttpServletRequestBuilder request = asAlex(get("/api/risks/scroll"))
				.param("accountId", String.valueOf(account))
				.param("size", "4");
			if (!sort.isEmpty()) {
				request.param("sort", sort);
			}
			if (after != null) {
				request.param("after", after);
			}
			MvcResult page = mvc.perform(request).andExpect(status().isOk()).andReturn();
			String body = page.getResponse().getContentAsString();
			seen.addAll(JsonPath.read(body, "$.content[*].key"));
			after = JsonPath.read(body, "$.next");
			if (after != null) {
				assertThat(page.getResponse().getHeader(HttpHeaders.LINK)).contains("after=" + after)
					.endsWith(">; rel=\"next\"");
			}
			else {
				assertThat(page.getResponse().getHeader(HttpHeaders.LINK)).isNull();
			}
			log("Scroll risk logged between pages " + pages, pages % 2 == 0 ? owner : null);
			log("Another scroll risk between pages " + pages, null);
			pages++;
		}
		while (after != null && pages < 40);

		assertThat(seen).doesNotHaveDuplicates().containsAll(before);
	}

	@Test
	void refusesACursorItDidNotGiveOrOfAnotherSortAndPageNumbers() throws Exception {
		for (int i = 0; i < 3; i++) {
			log("Cursor risk " + i, owner);
		}
		String next = JsonPath.read(mvc.perform(asAlex(get("/api/risks/scroll")).param("accountId", String.valueOf(account))
			.param("size", "1")
			.param("sort", "title")).andReturn().getResponse().getContentAsString(), "$.next");

		mvc.perform(asAlex(get("/api/risks/scroll")).param("sort", "key").param("after", next))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("after"))
			.andExpect(jsonPath("$.errors[0].reason", containsString("title,asc")));
		mvc.perform(asAlex(get("/api/risks/scroll")).param("after", "bm90IGEgY3Vyc29y"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("after"));
		mvc.perform(asAlex(get("/api/risks/scroll")).param("after", "%%%"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("after"));
		mvc.perform(asAlex(get("/api/risks/scroll")).param("page", "2"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		mvc.perform(asAlex(get("/api/risks/scroll")).param("sort", "nonsense"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("sort"));
	}

	@Test
	void theLastPageHasNoNext() throws Exception {
		log("Only risk of its account", owner);
		mvc.perform(asAlex(get("/api/risks/scroll")).param("accountId", String.valueOf(account)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.content.length()").value(1))
			.andExpect(jsonPath("$.next").doesNotExist())
			.andExpect(header().doesNotExist(HttpHeaders.LINK));
	}

	@Test
	void needsCredentials() throws Exception {
		mvc.perform(get("/api/risks/scroll")).andExpect(status().isUnauthorized());
	}

	private String log(String title, Long ownerId) throws Exception {
		MvcResult result = mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "SUPPORT", "ownerId": %s}
				""".formatted(account, title, ownerId))).andExpect(status().isCreated()).andReturn();
		return JsonPath.read(result.getResponse().getContentAsString(), "$.key");
	}

}
