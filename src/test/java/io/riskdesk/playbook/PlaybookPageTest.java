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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class PlaybookPageTest {

	@Autowired
	MockMvc mvc;

	@Test
	void showsThePolicyInForce() throws Exception {
		mvc.perform(get("/playbook").with(user("jordan").roles("EXEC")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("S0 Critical"),
					containsString("Revenue at immediate risk or production outage with exec attention"),
					containsString("Security incident"), containsString("4 business hours"),
					containsString("1 business day<"), containsString("Daily war room (Daily)"),
					containsString("Security, Legal"), containsString("Within <strong>24h</strong>"),
					containsString("Sev-1 tickets within"), containsString("Monday"), containsString("09:00-17:00"),
					containsString("Saturday</dt>"), containsString(">closed<"))));
	}

	@Test
	void slaTargetsReadAsPeopleSayThem() {
		assertThat(new SlaTarget(2, SlaTarget.Unit.HOURS).label()).isEqualTo("2 hours");
		assertThat(new SlaTarget(1, SlaTarget.Unit.BUSINESS_DAYS).label()).isEqualTo("1 business day");
		assertThat(new SlaTarget(0, SlaTarget.Unit.SAME_DAY).label()).isEqualTo("same day");
	}

}
