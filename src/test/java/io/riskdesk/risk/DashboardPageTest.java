package io.riskdesk.risk;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Money;
import io.riskdesk.account.Segment;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
@Transactional
class DashboardPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Accounts accounts;

	@Autowired
	RiskRegister risks;

	@Autowired
	DashboardQuery figures;

	@Test
	void showsTheSeedRisksAndEverySectionWithLinksIntoTheRegister() throws Exception {
		mvc.perform(get("/").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("TechCorp Enterprises"),
					containsString("GlobalTech Industries"), containsString("ABC Corp"), containsString("TechCorp Solutions"),
					containsString("ARR at risk by severity"), containsString("Unresolved risks by category"),
					containsString("Risks by status"), containsString("Renewals in the next <span>90</span> days"),
					containsString("id=\"weekly-chart\""), containsString("data-opened=\""),
					containsString("/risks?severity=S0&amp;status=OPEN&amp;status=TRIAGED&amp;status=ACTIVE"),
					containsString("/risks?status=CLOSED"),
					containsString("Unresolved risks owned by <span>Alex Johnson</span>"),
					containsString("/dist/chart.umd.min.js\""))));
	}

	@Test
	void anAdministratorWithoutAPersonHasNoRisksOfTheirOwn() throws Exception {
		mvc.perform(get("/").with(user("admin").roles("ADMIN")))
			.andExpect(content().string(containsString("not linked to a person")));
	}

	@Test
	void arrAtRiskIsSummedPerCurrencyAndEachAccountCountsOncePerSeverity() {
		long account = accounts.create(new AccountForm("Franc Holding AG", new Money(new BigDecimal("123456"),
				Currency.getInstance("CHF")), LocalDate.now().plusDays(20), Segment.SMB, "CH", ZoneId.of("Europe/Zurich"), null,
				Map.of(), List.of(), null, null)).id();
		for (String title : List.of("First", "Second")) {
			risks.create(new NewRisk(account, title, RiskCategory.ADOPTION, null, Severity.S3, null, null, null, null),
					RiskSource.MANUAL, "alex");
		}
		assertThat(figures.arrAtRisk())
			.filteredOn(row -> row.arr().currency().getCurrencyCode().equals("CHF"))
			.singleElement()
			.satisfies(row -> {
				assertThat(row.severity()).isEqualTo(Severity.S3);
				assertThat(row.arr().amount()).isEqualByComparingTo("123456");
				assertThat(row.accounts()).isEqualTo(1);
			});
		assertThat(figures.renewalsWithUnresolvedRisks()).anySatisfy(renewal -> {
			assertThat(renewal.account()).isEqualTo("Franc Holding AG");
			assertThat(renewal.unresolvedRisks()).isEqualTo(2);
			assertThat(renewal.highestSeverity()).isEqualTo(Severity.S3);
		});
		List<DashboardQuery.Week> weeks = figures.openedAndClosedPerWeek();
		assertThat(weeks).hasSize(DashboardQuery.WEEKS);
		assertThat(weeks.get(weeks.size() - 1).opened()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void listsTheSoonestRenewalsAndCountsTheOthers() throws Exception {
		int before = figures.renewalsWithUnresolvedRisks().size();
		for (int i = 0; i <= DashboardPage.RENEWAL_ROWS; i++) {
			long account = accounts.create(new AccountForm("Renewing Soon " + i, new Money(new BigDecimal("1000"),
					Currency.getInstance("USD")), LocalDate.now().plusDays(1), Segment.SMB, "US",
					ZoneId.of("America/New_York"), null, Map.of(), List.of(), null, null)).id();
			risks.create(new NewRisk(account, "Renewal blocked", RiskCategory.COMMERCIAL, null, Severity.S2, null, null, null,
					null), RiskSource.MANUAL, "alex");
		}
		int shown = DashboardPage.RENEWAL_ROWS;
		int more = before + DashboardPage.RENEWAL_ROWS + 1 - shown;

		mvc.perform(get("/").with(user("alex").roles("CSM")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">Renewing Soon 0<"),
					containsString("And <span>" + more + "</span> more accounts"))));
		org.assertj.core.api.Assertions.assertThat(mvc.perform(get("/").with(user("alex").roles("CSM")))
			.andReturn().getResponse().getContentAsString().split("Renewing Soon ", -1))
			.hasSizeLessThanOrEqualTo(shown + 1);
	}

}
