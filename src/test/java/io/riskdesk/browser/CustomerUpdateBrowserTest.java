package io.riskdesk.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Money;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.Segment;
import io.riskdesk.playbook.ContactRole;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer update written, previewed and sent from the risk page's notifications panel. */
@RiskdeskTest
class CustomerUpdateBrowserTest {

	private static final String PANEL = "notifications-panel";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PersonDirectory people;

	@Autowired
	RiskRegister risks;

	@Autowired
	Clock clock;

	@BeforeAll
	static void browserInstalled() {
		Browser.assumeInstalled();
	}

	@Test
	void composesPreviewsAndSendsAnUpdateThatIsListedAsPending() throws IOException {
		long alex = people.findByEmail("alex.johnson@riskdesk.example").orElseThrow().id();
		AccountDetails account = accounts.create(new AccountForm(
				"Browser Update " + UUID.randomUUID().toString().substring(0, 6),
				new Money(new BigDecimal("480000"), Currency.getInstance("USD")), LocalDate.now(clock).plusDays(60),
				Segment.ENTERPRISE, "US", ZoneId.of("America/Chicago"), null, Map.of(TeamRole.CSM, alex),
				List.of(new AccountForm.ContactForm(ContactRole.SPONSOR, "Dana Fox", "dana@fox.example", null)), null,
				null));
		String key = risks.create(new NewRisk(account.id(), "Reports time out", RiskCategory.SUPPORT,
				"Found by a browser test", null, null, null, null, List.of("Timeouts since Monday")), RiskSource.MANUAL,
				"alex").key();

		try (Browser browser = Browser.signedIn("http://localhost:" + port, "alex", 1280, 2400)) {
			browser.go("/risks/" + key);
			browser.waitFor(By.id("customer-update-heading"));
			// Without a severity the matrix names no customer: the sponsor is chosen by hand.
			browser.find(By.cssSelector("#" + PANEL + " input[name='recipients'][value='dana@fox.example']")).click();
			WebElement subject = browser.find(By.id("update-subject"));
			subject.clear();
			subject.sendKeys("Reports: where we stand");
			WebElement message = browser.find(By.id("update-message"));
			message.clear();
			message.sendKeys("The fix for the report timeouts ships on Friday.");

			browser.submitIn(PANEL, "Preview");
			String preview = browser.find(By.id(PANEL)).getText();
			assertThat(preview).contains("Preview for Dana Fox", "Subject: Reports: where we stand",
					"Dear Dana Fox,", "The fix for the report timeouts ships on Friday.");

			browser.submitIn(PANEL, "Send update");
			browser.waitForMessage(PANEL, "Customer update queued for Dana Fox.");
			WebElement row = browser.find(By.xpath("//section[@id='" + PANEL + "']//tr[td[normalize-space()='Customer update']]"));
			assertThat(row.getText()).contains("Dana Fox", "dana@fox.example", "Email", "Pending");
			browser.screenshot("notifications-panel", By.id(PANEL));
		}
	}

}
