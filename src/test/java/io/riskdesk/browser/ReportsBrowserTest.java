package io.riskdesk.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.similar.SimilarPastRisks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The report pages of #13 in a real browser, on the demo data: the KPI report, webhooks, similar past risks. */
@RiskdeskTest
class ReportsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Clock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SimilarPastRisks similar;

	@BeforeAll
	static void browserInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void theKpiReportDrawsItsChartsFromTheFiltersInItsUrl() throws Exception {
		LocalDate today = LocalDate.now(clock);
		try (Browser browser = Browser.signedIn("http://localhost:" + port, "morgan", 1366, 2000)) {
			browser.go("/reports/kpis?from=" + today.minusYears(2) + "&to=" + today);
			browser.waitFor(By.id("durations-heading"));
			for (String chart : List.of("kpi-durations-chart", "kpi-sla-chart", "kpi-sources-chart")) {
				new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
					.until(driver -> Boolean.TRUE.equals(browser.driver()
						.executeScript("const c = document.getElementById(arguments[0]);"
								+ " return !!(c && window.Chart && Chart.getChart(c));", chart)));
			}
			assertThat(browser.text()).contains("Times from detection", "SLA compliance", "Risks opened by source");
			browser.screenshot("kpi-report");
		}
	}

	@Test
	void anAdminSubscribesAWebhookAndSeesItsSecretOnce() throws Exception {
		try (Browser browser = Browser.signedIn("http://localhost:" + port, "admin", 1280, 1100)) {
			browser.go("/admin/webhooks");
			browser.find(By.id("webhook-url")).sendKeys("https://crm.example.com/hooks/riskdesk");
			browser.find(By.cssSelector("input[name=eventTypes][value=RISK_TRIAGED]")).click();
			browser.find(By.cssSelector("input[name=eventTypes][value=RISK_CLOSED]")).click();
			browser.find(By.id("webhook-description")).sendKeys("CRM timeline");
			browser.find(By.xpath("//button[normalize-space()='Subscribe']")).click();

			assertThat(browser.find(By.id("webhook-secret")).getText()).isNotBlank();
			assertThat(browser.text()).contains("https://crm.example.com/hooks/riskdesk", "RISK_TRIAGED", "RISK_CLOSED");
			browser.screenshot("webhook-subscription");
		}
	}

	@Test
	void aRiskShowsTheSimilarPastRisksAndHowTheyWereResolved() throws Exception {
		// A demo risk still open whose past alikes the register holds.
		String key = jdbc.sql("select risk_key from risk where status in ('OPEN', 'TRIAGED', 'ACTIVE') order by risk_key")
			.query(String.class)
			.list()
			.stream()
			.filter(open -> !similar.of(open).isEmpty())
			.findFirst()
			.orElseThrow(() -> new AssertionError("the demo data has no open risk with similar past risks"));
		try (Browser browser = Browser.signedIn("http://localhost:" + port, "alex", 1280, 2600)) {
			browser.go("/risks/" + key);
			browser.waitFor(By.cssSelector("#similar-panel li"));
			assertThat(browser.find(By.id("similar-panel")).getText()).contains("Similar past risks");
			browser.screenshot("similar-risks", By.id("similar-panel"));
		}
	}

}
