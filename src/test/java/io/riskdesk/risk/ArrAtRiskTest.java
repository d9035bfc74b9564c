package io.riskdesk.risk;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * ARR at risk compares like with like: the register sorts by the amount in the reporting
 * currency (USD at the application's rates, EUR 1.08 and GBP 1.27) and the dashboard adds it up once.
 */
@RiskdeskTest
@Transactional
class ArrAtRiskTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	DashboardQuery figures;

	@Autowired
	Clock clock;

	@Test
	void theRegisterSortsByArrConvertedAndACurrencyWithoutARateLast() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		LocalDate renewal = LocalDate.now(clock).plusMonths(6);
		// By the raw amounts SEK would come first and EUR after USD.
		for (String[] arr : List.of(new String[] { "1000000", "EUR" }, new String[] { "1050000", "USD" },
				new String[] { "820000", "GBP" }, new String[] { "50000000", "SEK" })) {
			fixtures.risk(fixtures.account("Fx Sort " + arr[1], arr[0], arr[1], renewal), "Fx sort " + arr[1]);
		}
		String desc = mvc.perform(asAlex(get("/api/risks")).param("q", "Fx sort").param("sort", "arrAtRisk,desc"))
			.andReturn().getResponse().getContentAsString();
		String asc = mvc.perform(asAlex(get("/api/risks")).param("q", "Fx sort").param("sort", "arrAtRisk"))
			.andReturn().getResponse().getContentAsString();

		// EUR 1,000,000 = USD 1,080,000 > USD 1,050,000 > GBP 820,000 = USD 1,041,400; SEK has no rate.
		assertThat(JsonPath.<List<String>>read(desc, "$.content[*].arrAtRisk.currency")).containsExactly("EUR", "USD",
				"GBP", "SEK");
		assertThat(JsonPath.<List<String>>read(asc, "$.content[*].arrAtRisk.currency")).containsExactly("GBP", "USD",
				"EUR", "SEK");
		mvc.perform(get("/risks").param("q", "Fx sort").param("sort", "arrAtRisk,desc").with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString("SEK 50,000,000"), containsString("no USD rate, sorts last"))));
	}

	@Test
	void theDashboardAddsEachAccountOnceInTheReportingCurrencyAndSaysWhatItLeftOut() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		DashboardQuery.ArrTotal before = figures.arrAtRiskTotal();
		LocalDate renewal = LocalDate.now(clock).plusMonths(6);
		long euro = fixtures.account("Fx Total EUR", "100000", "EUR", renewal);
		// Two risks on one account: its ARR counts once.
		rated(euro, "Fx total one", "S2");
		rated(euro, "Fx total two", "S1");
		rated(fixtures.account("Fx Total SEK", "900000", "SEK", renewal), "Fx total krona", "S1");

		DashboardQuery.ArrTotal after = figures.arrAtRiskTotal();
		assertThat(after.converted().currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(after.converted().amount().subtract(before.converted().amount())).isEqualByComparingTo(new BigDecimal("108000"));
		assertThat(after.accounts()).isEqualTo(before.accounts() + 2);
		assertThat(after.withoutRate()).isEqualTo(before.withoutRate() + 1);
		mvc.perform(get("/").with(user("alex").roles("CSM")))
			.andExpect(content().string(allOf(containsString("converted at configured rates (<span>1 AUD = 0.66 USD</span>"),
					containsString("<span>1 EUR = 1.08 USD</span>"), containsString("in a currency without a rate left out"))));
	}

	private void rated(long account, String title, String severity) throws Exception {
		mvc.perform(asAlex(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "SUPPORT", "severity": "%s"}""".formatted(account, title,
				severity))).andExpect(status().isCreated());
	}

}
