package io.riskdesk.browser;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.SeverityChange;
import io.riskdesk.signal.DetectionRuns;
import io.riskdesk.signal.DetectionTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signal panels in a real browser: an account whose usage dropped today and whose sponsor
 * left, with the findings detection made of it, its usage chart, and a risk's "why this severity".
 */
@RiskdeskTest
class SignalPanelsBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DetectionRuns runs;

	@Autowired
	RiskRegister risks;

	@Autowired
	Clock clock;

	@BeforeAll
	static void browserInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void theAccountShowsItsUsageChartAndFindingsAndTheRiskWhyItsSeverity() throws Exception {
		LocalDate today = LocalDate.now(clock);
		DetectionTestData data = new DetectionTestData(jdbc);
		long account = data.account(today.plusDays(45), null, "UTC");
		jdbc.sql("update account set name = 'Northwind Analytics ' || id where id = ?").param(account).update();
		for (int daysAgo = 150; daysAgo > 0; daysAgo--) {
			// A working week's rhythm on a slowly growing base, so the chart looks like usage.
			int weekday = today.minusDays(daysAgo).getDayOfWeek().getValue() > 5 ? -80 : 0;
			data.usage(account, today.minusDays(daysAgo), 1000 + (150 - daysAgo) + weekday, 2300 + 2 * (150 - daysAgo));
		}
		data.usage(account, today, 616, 1500);
		data.event(account, today.minusDays(2), "SPONSOR_LEFT", "Dana Fox resigned");
		data.nps(account, today.minusDays(5), 4, "SPONSOR");
		runs.run(today, List.of(account));
		data.nps(account, today.minusDays(1), 9, "SPONSOR");
		runs.run(today, List.of(account));
		String adoption = jdbc.sql("select risk_key from signal_finding where account_id = ? and rule_id = 'usage-drop'")
			.param(account)
			.query(String.class)
			.single();
		// The CSM judges it less severe than the signals do; the risk page shows both.
		risks.changeSeverity(adoption, null, new SeverityChange(Severity.S2, "Seasonal: the customer's fiscal year ends"),
				"alex");

		try (Browser browser = Browser.signedIn("http://localhost:" + port, "alex", 1366, 2300)) {
			browser.go("/accounts/" + account);
			browser.waitFor(By.id("account-signals-heading"));
			waitForChart(browser);
			assertThat(browser.text()).contains("Signals suggest", "S1 High", "Active findings (3)", "adoption-collapse",
					"usage-drop", "sponsor-left", "S2 by the rule → S1 after the modifiers", adoption,
					"Cleared in the last 90 days (1)");
			Object overflow = browser.driver()
				.executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
			assertThat(((Number) overflow).intValue()).as("sideways scrolling at 1,366 px").isLessThanOrEqualTo(0);
			browser.screenshot("account-signals");

			browser.find(By.xpath("//button[normalize-space()='Run detection']")).click();
			browser.waitForMessage("Ran detection as of " + today);
			assertThat(browser.text()).contains("Detection: 0 new findings, 0 risen, 0 cleared.");
			waitForChart(browser);

			browser.find(By.linkText(adoption)).click();
			browser.waitFor(By.id("risk-signals-heading"));
			assertThat(browser.text()).contains("Why this severity", "Signals suggest S1 High; the risk is S2 Medium.",
					"usage-drop", "adoption-collapse", "WAU 616 on " + today);
			browser.screenshot("risk-signals");
		}
	}

	/** Chart.js loads with the panel; the chart is drawn once Chart knows the canvas. */
	private static void waitForChart(Browser browser) {
		new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> Boolean.TRUE.equals(browser.driver()
			.executeScript("const c = document.getElementById('usage-chart');"
					+ " return !!(c && window.Chart && Chart.getChart(c));")));
	}

}
