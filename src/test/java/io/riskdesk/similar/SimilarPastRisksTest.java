package io.riskdesk.similar;

import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.plan.NewMilestone;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Similar past risks on a crafted set. The texts use made-up words ("zorblax", "quindle") no demo risk
 * has, so only the risks of each test can match; every test rolls back.
 */
@RiskdeskTest
@Transactional
class SimilarPastRisksTest {

	private static final String TITLE = "Zorblax quindle sync keeps failing";

	private static final String DESCRIPTION = "The zorblax quindle export stops every night and the team re-runs it by hand";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CorrectiveActionPlans plans;

	@Autowired
	SimilarPastRisks similar;

	long account;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		account = fixtures.account("Similar Co", fixtures.person("Similar Owner"));
	}

	/** Logs a risk through the API (its evidence saved as the register saves it) and returns its key. */
	private String risk(String category, String title, String description, String... evidence) throws Exception {
		String body = """
				{"accountId": %d, "title": "%s", "category": "%s", "description": "%s", "evidence": [%s]}"""
			.formatted(account, title, category, description,
					String.join(", ", java.util.Arrays.stream(evidence).map(e -> "\"" + e + "\"").toList()));
		String created = mvc.perform(asAlex(post("/api/risks")).content(body))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return JsonPath.read(created, "$.key");
	}

	/** Ends the risk as a past one: resolved 3 days 4 hours after detection, then closed if asked. */
	private void end(String key, String status, String rootCause) {
		jdbc.sql("""
				update risk set status = :status, root_cause = :rootCause,
				       resolved_at = detected_at + interval '3 days 4 hours',
				       closed_at = case when :status = 'CLOSED' then detected_at + interval '5 days' end,
				       outcome = case when :status = 'CLOSED' then 'RETAINED' end
				where risk_key = :key""")
			.param("status", status)
			.param("rootCause", rootCause)
			.param("key", key)
			.update();
	}

	private String past(String category, String title, String description) throws Exception {
		String key = risk(category, title, description);
		end(key, "CLOSED", "A cron job ran twice");
		return key;
	}

	private List<String> keys(String key) {
		return similar.of(key).stream().map(SimilarRisk::key).toList();
	}

	@Test
	void theSameCategoryRanksUp() throws Exception {
		String asked = risk("ADOPTION", TITLE, DESCRIPTION);
		String otherCategory = past("SUPPORT", TITLE, DESCRIPTION);
		String sameCategory = past("ADOPTION", TITLE, DESCRIPTION);

		List<SimilarRisk> found = similar.of(asked);

		assertThat(found).extracting(SimilarRisk::key).startsWith(sameCategory, otherCategory);
		assertThat(found.get(0).score()).isCloseTo(found.get(1).score() * 1.5, org.assertj.core.data.Offset.offset(1e-6));
	}

	@Test
	void suggestsOnlyResolvedOrClosedRisksNeverItselfNorADuplicate() throws Exception {
		String asked = risk("SUPPORT", TITLE, DESCRIPTION);
		String open = risk("SUPPORT", TITLE, DESCRIPTION);
		String resolved = risk("SUPPORT", TITLE, DESCRIPTION);
		end(resolved, "RESOLVED", "A cron job ran twice");
		String closed = past("SUPPORT", TITLE, DESCRIPTION);
		String duplicate = past("SUPPORT", TITLE, DESCRIPTION);
		jdbc.sql("update risk set duplicate_of = :original where risk_key = :key")
			.param("original", closed)
			.param("key", duplicate)
			.update();

		assertThat(keys(asked)).contains(resolved, closed).doesNotContain(asked, open, duplicate);
		// An ended risk is asked about too: it finds the others, never itself.
		assertThat(keys(closed)).contains(resolved).doesNotContain(closed, open);
	}

	@Test
	void atMostFiveBestFirst() throws Exception {
		String asked = risk("PRODUCT_FIT", TITLE, DESCRIPTION);
		String closest = past("PRODUCT_FIT", TITLE, DESCRIPTION);
		for (int i = 0; i < 6; i++) {
			past("PRODUCT_FIT", "Zorblax quindle sync job number " + i, "Unrelated words about billing");
		}

		List<SimilarRisk> found = similar.of(asked);

		assertThat(found).hasSize(SimilarPastRisks.LIMIT);
		assertThat(found.get(0).key()).isEqualTo(closest);
		assertThat(found).extracting(SimilarRisk::score).isSortedAccordingTo(java.util.Comparator.reverseOrder());
	}

	@Test
	void risksSharingMoreOfTheTitlesWordsAreRankedAloneWhenThereAreEnoughOfThem() throws Exception {
		String asked = risk("SUPPORT", TITLE, DESCRIPTION);
		// Three of the title's five words, the same category and description: a candidate only while fewer
		// than SimilarRiskRanking.ENOUGH past risks share more of the title.
		String threeWords = past("SUPPORT", "Zorblax quindle sync", DESCRIPTION);
		List<String> allWords = new java.util.ArrayList<>();
		for (int i = 1; i < SimilarRiskRanking.ENOUGH; i++) {
			allWords.add(past("COMMERCIAL", TITLE + " again " + i, "Other words"));
		}
		assertThat(keys(asked)).contains(threeWords);

		allWords.add(past("COMMERCIAL", TITLE + " once more", "Other words"));

		assertThat(keys(asked)).hasSize(SimilarPastRisks.LIMIT).doesNotContain(threeWords).isSubsetOf(allWords);
	}

	@Test
	void tiersAreEveryChoiceOfTheTitlesWords() {
		assertThat(SimilarRiskRanking.combinations(List.of("'a'", "'b'", "'c'"), 2))
			.containsExactly("('a' & 'b')", "('a' & 'c')", "('b' & 'c')");
		assertThat(SimilarRiskRanking.combinations(List.of("'a'", "'b'"), 2)).containsExactly("('a' & 'b')");
		assertThat(SimilarRiskRanking.combinations(List.of("'a'"), 1)).containsExactly("('a')");
	}

	@Test
	void evidenceAndRootCauseAreSearchedAndTheResolutionComesAlong() throws Exception {
		// Only made-up words: no demo risk shares one, and none of the titles are alike, so only the text can match.
		String asked = risk("SUPPORT", "Flibbertron snarfle", "Zentrix snarfle", "Flibbertron zentrix");
		String byEvidence = risk("COMMERCIAL", "Invoices disputed", "Finance is unhappy", "Flibbertron snarfle in the invoice run");
		Milestone dropped = plans.add(byEvidence, new NewMilestone("Escalate to the vendor", "Alex Johnson", LocalDate.of(2027, 1, 5)), "alex");
		Milestone done = plans.add(byEvidence, new NewMilestone("Raise the timeout", "Alex Johnson", LocalDate.of(2027, 1, 6)), "alex");
		plans.complete(byEvidence, done.id(), "alex");
		end(byEvidence, "CLOSED", "Gateway pool too small");
		String byRootCause = risk("ADOPTION", "Seats unused", "Nobody logs in");
		end(byRootCause, "RESOLVED", "Snarfle certificate of the flibbertron expired");
		String unrelated = past("SUPPORT", "Quarterly review skipped", "No sponsor available");
		// One word of the asked title is not enough: a word many risks share would make them all candidates.
		String oneWord = past("SUPPORT", "Quarterly review skipped", "The snarfle again");

		List<SimilarRisk> found = similar.of(asked);

		assertThat(found).extracting(SimilarRisk::key).contains(byEvidence, byRootCause).doesNotContain(unrelated, oneWord);
		SimilarRisk evidence = found.stream().filter(s -> s.key().equals(byEvidence)).findFirst().orElseThrow();
		assertThat(evidence.plan()).extracting(Milestone::title).containsExactly(done.title(), dropped.title());
		assertThat(evidence.rootCause()).isEqualTo("Gateway pool too small");
		assertThat(evidence.secondsToResolve()).isEqualTo((3 * 24 + 4) * 3600L);
		assertThat(evidence.timeToResolve()).isEqualTo("3 d 4 h");
		assertThat(evidence.outcome()).hasToString("RETAINED");
		assertThat(evidence.account()).startsWith("Similar Co");
	}

	@Test
	void theApiListsThemAndRefusesUnknownKeysAndStrangers() throws Exception {
		String asked = risk("ADOPTION", TITLE, DESCRIPTION);
		String pastKey = past("ADOPTION", TITLE, DESCRIPTION);

		mvc.perform(ApiFixtures.as("sam", get("/api/risks/{key}/similar", asked)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].key").value(pastKey))
			.andExpect(jsonPath("$[0].title").value(TITLE))
			.andExpect(jsonPath("$[0].category").value("ADOPTION"))
			.andExpect(jsonPath("$[0].status").value("CLOSED"))
			.andExpect(jsonPath("$[0].outcome").value("RETAINED"))
			.andExpect(jsonPath("$[0].rootCause").value("A cron job ran twice"))
			.andExpect(jsonPath("$[0].secondsToResolve").value(273600))
			.andExpect(jsonPath("$[0].plan").isArray());
		mvc.perform(asAlex(get("/api/risks/{key}/similar", "RISK-1999-9999")))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail", containsString("RISK-1999-9999")));
		mvc.perform(get("/api/risks/{key}/similar", asked)).andExpect(status().isUnauthorized());
	}

	@Test
	void theRiskPageShowsThemWithTheirResolution() throws Exception {
		String asked = risk("ADOPTION", TITLE, DESCRIPTION);
		String pastKey = past("ADOPTION", TITLE, DESCRIPTION);

		mvc.perform(get("/risks/{key}", asked).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("hx-get=\"/risks/" + asked + "/similar\"")));
		mvc.perform(get("/risks/{key}/similar", asked).header("HX-Request", "true").with(user("erin").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Similar past risks"), containsString(">" + pastKey + "<"),
					containsString("A cron job ran twice"), containsString("Resolved in 3 d 4 h"),
					containsString("Outcome: "), not(containsString("<html")))));
		String lonely = risk("ADOPTION", "Plorptastic widget misalignment", "Vexillographic");
		mvc.perform(get("/risks/{key}/similar", lonely).header("HX-Request", "true").with(user("alex").roles("CSM")))
			.andExpect(content().string(containsString("No resolved or closed risk is like this one yet.")));
		mvc.perform(get("/risks/{key}/similar", "RISK-1999-9999").with(user("alex").roles("CSM")))
			.andExpect(status().isNotFound());
	}

}
