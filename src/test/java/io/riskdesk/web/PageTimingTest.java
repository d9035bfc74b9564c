package io.riskdesk.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.account.Accounts;
import io.riskdesk.risk.RiskQuery;
import io.riskdesk.risk.RiskRegister;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Server time of each main page with the demo data, through MockMvc (no network): printed as
 * figures. The bound is generous on purpose; the target is 200 ms, a timing is not a test.
 */
@RiskdeskTest
class PageTimingTest {

	private static final int RUNS = 7;

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	RiskRegister risks;

	@Test
	void printsTheServerTimeOfEachMainPage() throws Exception {
		long account = accounts.findByName("TechCorp Enterprises").orElseThrow().id();
		// Keys carry the year they were logged in: look the seed risk up rather than naming it.
		String key = risks.list(new RiskQuery(null, null, null, null, null, account, null, null, null, null, null, null, null, null, null, null), Pageable.ofSize(1))
			.getContent()
			.get(0)
			.key();
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("dashboard", "/");
		pages.put("register", "/risks?status=OPEN&status=TRIAGED&status=ACTIVE");
		pages.put("register filtered", "/risks?status=ACTIVE&q=tech&sort=arrAtRisk,desc");
		pages.put("register CSV", "/risks.csv");
		pages.put("risk detail", "/risks/" + key);
		pages.put("SLA clocks panel", "/risks/" + key + "/clocks");
		pages.put("new risk form", "/risks/new");
		pages.put("accounts", "/accounts");
		pages.put("account", "/accounts/" + account);
		pages.put("account risks", "/accounts/" + account + "/risks");
		pages.put("playbook", "/playbook");

		System.out.println("Server time per page (MockMvc, median of " + RUNS + " after one warm-up):");
		for (Map.Entry<String, String> page : pages.entrySet()) {
			double median = medianMillis(page.getValue());
			System.out.printf("  %-18s %-52s %7.1f ms%n", page.getKey(), page.getValue(), median);
			assertThat(median).as(page.getValue()).isLessThan(2000);
		}
	}

	private double medianMillis(String url) throws Exception {
		load(url);
		long[] nanos = new long[RUNS];
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			load(url);
			nanos[i] = System.nanoTime() - start;
		}
		Arrays.sort(nanos);
		return nanos[RUNS / 2] / 1_000_000.0;
	}

	private void load(String url) throws Exception {
		mvc.perform(MockMvcRequestBuilders.get(url)
			.with(user("alex").roles("CSM"))).andExpect(status().isOk());
	}

}
