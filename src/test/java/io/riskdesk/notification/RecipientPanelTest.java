package io.riskdesk.notification;

import io.riskdesk.ApiFixtures;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.risk.RiskRegister;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.annotation.Transactional;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The "Who is notified" panel of the risk page, and the Security/Legal checkbox of the edit page. */
@RiskdeskTest
@Transactional
class RecipientPanelTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	RiskRegister risks;

	String key;

	@BeforeEach
	void setUp() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long csm = fixtures.person("Casey Panel");
		key = fixtures.risk(fixtures.account("Panel Foods", csm), "Adoption stalled");
	}

	private static MockHttpServletRequestBuilder htmx(MockHttpServletRequestBuilder request) {
		return request.header("HX-Request", "true").with(user("alex").roles("CSM"));
	}

	@Test
	void theRiskPageLoadsThePanel() throws Exception {
		mvc.perform(get("/risks/{key}", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("hx-get=\"/risks/" + key + "/recipients\""),
					containsString("Who is notified"))));
	}

	@Test
	void listsTheRecipientsAndTheGapsInWords() throws Exception {
		mvc.perform(htmx(get("/risks/{key}/recipients", key)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"recipients-panel\""),
					containsString("Nobody is notified yet."),
					containsString("The risk has no severity yet: set one to know whom the escalation matrix tells."))));

		mvc.perform(asAlex(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S3\", \"reason\": \"Early signal\"}")).andExpect(status().isOk());

		mvc.perform(htmx(get("/risks/{key}/recipients", key)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("The escalation matrix for S3, by Email, Internal notes"),
					containsString("<td>CSM</td>"), containsString("<td>Internal</td>"),
					containsString("<td>Casey Panel</td>"), containsString("<td>Risk timeline</td>"),
					containsString("Account executive (Internal):"),
					containsString("Nobody holds the Account executive role in the account team."),
					containsString("Point of contact (Customer):"),
					containsString("The account has no Point of contact contact."),
					not(containsString("Nobody is notified yet.")))));
	}

	@Test
	void theEditPageSetsAndClearsTheSecurityLegalFlag() throws Exception {
		mvc.perform(get("/risks/{key}/edit", key).with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("name=\"securityLegalApplicable\""),
					not(containsString("checked")))));

		mvc.perform(post("/risks/{key}/edit", key).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "0").param("title", "Adoption stalled").param("securityLegalApplicable", "true"))
			.andExpect(redirectedUrl("/risks/" + key + "?updated"));
		assertThat(risks.get(key).securityLegalApplicable()).isTrue();
		mvc.perform(get("/risks/{key}/edit", key).with(user("alex").roles("CSM")))
			.andExpect(content().string(containsString("checked")));

		// An unticked checkbox sends nothing: the flag goes off.
		mvc.perform(post("/risks/{key}/edit", key).with(user("alex").roles("CSM")).with(csrf())
			.param("version", "1").param("title", "Adoption stalled"))
			.andExpect(redirectedUrl("/risks/" + key + "?updated"));
		assertThat(risks.get(key).securityLegalApplicable()).isFalse();
	}

}
