package io.riskdesk.playbook;

import io.riskdesk.RiskdeskTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class PlaybookPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlaybookVersion version;

	@Test
	void showsThePolicyInForce() throws Exception {
		mvc.perform(get("/playbook").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("S0 Critical"),
					containsString("Revenue at immediate risk or production outage with exec attention"),
					containsString("Security incident"), containsString("4 business hours"),
					containsString("1 business day<"), containsString("Daily war room (Daily)"),
					containsString("Security, Legal"), containsString("Within <strong>24h</strong>"),
					containsString("Sev-1 tickets opened within"), containsString("Monday"), containsString("09:00-17:00"),
					containsString("Saturday</dt>"), containsString(">closed<"))));
	}

	@Test
	void showsTheDetectionRulesAndThePlaybookVersion() throws Exception {
		mvc.perform(get("/playbook").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Detection rules"), containsString("<code>usage-drop</code>"),
					containsString("WAU or MAU on the latest reported day down more than 30% vs 30 days before"),
					containsString("<code>adoption-collapse</code>"), containsString("<code>sponsor-left</code>"),
					containsString("a HEALTH_RED event within 30 days, unless a later HEALTH_GREEN or HEALTH_YELLOW"),
					containsString("an invoice unpaid more than 30 days after its due date"),
					containsString("an S1 finding becomes S0"), containsString(version.shortForm()))));
	}

	@Test
	void showsACapTemplateTablePerCategory() throws Exception {
		mvc.perform(get("/playbook").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("CAP templates"),
					containsString("<h3 id=\"cap-template-INCIDENT\">Incident</h3>"),
					containsString("<h3 id=\"cap-template-PRODUCT_FIT\">Product fit</h3>"),
					containsString("<th scope=\"row\">Hotfix deployed</th>"),
					containsString("The fix is live in production and the failing path verified with the customer"),
					containsString("<td>Engineering lead</td>"), containsString("<td>24 hours</td>"),
					containsString("<td>5 business days</td>"), containsString("Success plan agreed"))));
	}

	@Test
	void theApiShowsTheCapTemplates() throws Exception {
		mvc.perform(get("/api/playbook").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.capTemplates.INCIDENT[1].title").value("Hotfix deployed"))
			.andExpect(jsonPath("$.capTemplates.INCIDENT[1].owner").value("ENG_LEAD"))
			.andExpect(jsonPath("$.capTemplates.INCIDENT[1].offset.amount").value(24))
			.andExpect(jsonPath("$.capTemplates.INCIDENT[1].offset.unit").value("HOURS"))
			.andExpect(jsonPath("$.capTemplates.ADOPTION[2].successCriterion").value("The sponsor agreed usage targets and their dates"));
	}

	@Test
	void slaTargetsReadAsPeopleSayThem() {
		assertThat(new SlaTarget(2, SlaTarget.Unit.HOURS).label()).isEqualTo("2 hours");
		assertThat(new SlaTarget(1, SlaTarget.Unit.BUSINESS_DAYS).label()).isEqualTo("1 business day");
		assertThat(new SlaTarget(0, SlaTarget.Unit.SAME_DAY).label()).isEqualTo("same day");
	}

}
