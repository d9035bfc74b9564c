package io.riskdesk.intake;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The review page marks what the reviewer must check: ambiguous dates, an ARR derived from a monthly amount. */
@RiskdeskTest
class IntakeReviewCautionsPageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void ambiguousDatesAndAMonthlyArrAreMarkedForChecking() throws Exception {
		String document = """
				Date: 2026-02-20
				Account: Caution Check Traders
				ARR: £90k/month
				Renewal: 6/3
				Action: Priya to send the renewal quote by 4/5
				""";
		mvc.perform(post("/intake").with(user("alex").roles("CSM")).with(csrf()).param("content", document))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"2026-06-03\""),
					containsString("ambiguous: 3 June 2026 or 6 March 2026 - check"),
					containsString("ambiguous: 5 April 2026 or 4 May 2026 - check"),
					containsString("Read as: 12 x GBP 90000 per month"))));
	}

	@Test
	void aDateTheDocumentSettlesIsNotMarked() throws Exception {
		String document = """
				Date: 20/02/2026
				Account: Caution Check Traders
				Renewal: 6/3
				""";
		mvc.perform(post("/intake").with(user("alex").roles("CSM")).with(csrf()).param("content", document))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("value=\"2026-03-06\""), not(containsString("ambiguous:")))));
	}

}
