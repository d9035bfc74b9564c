package io.riskdesk.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.SeedDocuments;
import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.AccountForm;
import io.riskdesk.account.Accounts;
import io.riskdesk.account.Money;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.Segment;
import io.riskdesk.concession.Concession;
import io.riskdesk.concession.ConcessionKind;
import io.riskdesk.concession.ConcessionStatus;
import io.riskdesk.concession.Concessions;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Working a risk to closure in a real browser (docs/execution.md): the concessions panel of the risk
 * page, its approval limits and its service-credit calculator. Each test works on an account and a
 * risk of its own ({@link #freshRisk}), so the tests do not depend on each other's order.
 */
@RiskdeskTest
class ExecutionBrowserTest {

	private static final String CONCESSIONS = "concession-panel";

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PersonDirectory people;

	@Autowired
	RiskRegister risks;

	@Autowired
	Concessions concessions;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	@BeforeAll
	static void browserInstalled() {
		Browser.assumeInstalled();
	}

	/** A demo user ({@code alex} the CSM, {@code morgan} the CS manager, ...) in a window tall enough for a risk's panels. */
	private Browser signIn(String user) throws IOException {
		return Browser.signedIn("http://localhost:" + port, user, 1280, 2400);
	}

	/** A new USD account of alex's (the limits' currency, so no conversion), uniquely named, with one risk: its key. */
	private String freshRisk(String accountName, String title) {
		long alex = people.findByEmail("alex.johnson@riskdesk.example").orElseThrow().id();
		AccountDetails account = accounts.create(new AccountForm(
				accountName + " " + UUID.randomUUID().toString().substring(0, 6),
				new Money(new BigDecimal("480000"), Currency.getInstance("USD")), LocalDate.now(clock).plusDays(60),
				Segment.ENTERPRISE, "US", ZoneId.of("America/Chicago"), null, Map.of(TeamRole.CSM, alex), List.of(),
				null, null));
		return risks.create(new NewRisk(account.id(), title, RiskCategory.SUPPORT, "Found by a browser test", null, null,
				null, null, List.of("48 hours down in November")), RiskSource.MANUAL, "alex").key();
	}

	/** Opens the risk's page and waits until htmx has loaded its concessions panel. */
	private static void openConcessions(Browser browser, String key) {
		browser.go("/risks/" + key);
		browser.waitFor(By.id("concession-heading"));
	}

	private static String panelText(Browser browser) {
		return browser.find(By.id(CONCESSIONS)).getText();
	}

	private static By approve(long concessionId) {
		return By.cssSelector("button[aria-label='APPROVED concession " + concessionId + "']");
	}

	@Test
	void aConcessionAboveTheCsmsLimitIsRefusedToTheCsmAndApprovedByAManager() throws Exception {
		String key = freshRisk("Browser Concession", "Credit asked for after the outage");
		long id;
		try (Browser alex = signIn("alex")) {
			openConcessions(alex, key);
			new Select(alex.find(By.id("concession-kind"))).selectByValue("SERVICE_CREDIT");
			alex.find(By.id("concession-description")).sendKeys("Service credit for the November outage");
			alex.find(By.id("concession-amount")).sendKeys("25000");
			alex.submitIn(CONCESSIONS, "Propose concession");
			alex.waitForMessage(CONCESSIONS, "Concession proposed; it awaits approval.");
			id = concessions.of(key).get(0).id();
			assertThat(alex.find(By.id("concession-" + id)).getText()).contains("Service credit for the November outage",
					"proposed by alex", "USD 25,000.00", "Proposed");
			assertThat(panelText(alex)).contains("Approved USD 0.00", "1 awaiting approval");

			// The proposer's own limit (CSM: USD 10,000) does not cover it: refused, naming who can.
			alex.submitIn(CONCESSIONS, approve(id));
			alex.waitForMessage(CONCESSIONS, "Not saved: A concession of USD 25,000.00 is above the CSM approval limit "
					+ "(USD 10,000.00); only CS manager, CS leader, Executive can approve it");
			assertThat(panelText(alex)).contains("Proposed", "1 awaiting approval").doesNotContain("approved by");
			alex.screenshot("concession-refused", By.id(CONCESSIONS));
		}
		assertThat(concessions.get(key, id).status()).isEqualTo(ConcessionStatus.PROPOSED);

		try (Browser morgan = signIn("morgan")) {
			openConcessions(morgan, key);
			morgan.submitIn(CONCESSIONS, approve(id));
			morgan.waitForMessage(CONCESSIONS, "Concession approved.");
			assertThat(panelText(morgan)).contains("Approved USD 25,000.00 · offered USD 0.00 · accepted USD 0.00",
					"approved by morgan (CS manager)", "Offer to customer").doesNotContain("awaiting approval");
			assertThat(morgan.find(By.cssSelector("#concession-" + id + " .status")).getText()).isEqualTo("Approved");
			morgan.screenshot("concession-panel", By.id(CONCESSIONS));
		}
		Concession approved = concessions.get(key, id);
		assertThat(approved.status()).isEqualTo(ConcessionStatus.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo("morgan");
	}

	@Test
	void theCalculatorsCreditIsProposedAsAServiceCredit() throws Exception {
		String key = freshRisk("Browser Credit", "48 hours down in November");
		try (Browser alex = signIn("alex")) {
			openConcessions(alex, key);
			alex.find(By.cssSelector("#sla-credit summary")).click();
			// The form starts with a 99.9% SLA's usual tiers and the account's currency: GlobalTech's outage on 40,000 a month.
			assertThat(alex.find(By.id("credit-currency")).getDomProperty("value")).isEqualTo("USD");
			alex.date(By.id("credit-start"), LocalDate.parse("2025-11-01"));
			alex.find(By.id("credit-fees")).sendKeys("40000");
			alex.dateTime(By.id("outage-start-0"), LocalDateTime.parse("2025-11-03T00:00"));
			alex.dateTime(By.id("outage-end-0"), LocalDateTime.parse("2025-11-05T00:00"));
			alex.submitIn(CONCESSIONS, "Calculate credit");

			// 2,880 of a 30-day month's 43,200 minutes: 93.3333% is under 95%, 50% of the fees.
			assertThat(alex.find(By.id("sla-credit-result")).getText()).contains("SLA breached: uptime 93.3333%, credit USD 20,000.00",
					"Credit: 50% of USD 40,000.00 = USD 20,000.00.");
			alex.screenshot("sla-credit", By.id(CONCESSIONS));

			alex.submitIn(CONCESSIONS, "Propose as service credit");
			alex.waitForMessage(CONCESSIONS, "Concession proposed; it awaits approval.");
			assertThat(panelText(alex)).contains("SLA credit for the month from 2025-11-01: uptime 93.3333% against a target "
					+ "of 99.9% (breached); 50% of USD 40,000.00 = USD 20,000.00.", "1 awaiting approval");
		}
		assertThat(concessions.of(key)).singleElement().satisfies(credit -> {
			assertThat(credit.kind()).isEqualTo(ConcessionKind.SERVICE_CREDIT);
			assertThat(credit.value().amount()).isEqualByComparingTo("20000.00");
			assertThat(credit.value().currency()).isEqualTo(Currency.getInstance("USD"));
			assertThat(credit.status()).isEqualTo(ConcessionStatus.PROPOSED);
		});
	}

	/**
	 * Issue 11's "done when" in a browser: the GlobalTech seed escalation, imported, gets its CAP
	 * from the playbook's template, a progress update, cadence meetings with their invite, a meeting
	 * with its action item, and is resolved with its root cause and prevention items, then closed.
	 * (The concession approved by the right role and the computed credit are the tests above.)
	 */
	@Test
	void aSeedEscalationIsWorkedFromItsCapToItsClose() throws Exception {
		String key = SeedDocuments.importAsNewAccount(mvc, json, "meeting-globaltech.md", "GlobalTech Browser");
		try (Browser alex = signIn("alex")) {
			alex.go("/risks/" + key);

			// The CAP: the Incident template previewed, then applied on top of the imported action items.
			alex.find(By.partialLinkText("Use the Incident template")).click();
			alex.waitFor(By.id("template-preview-heading"));
			alex.submitIn("plan-panel", "Apply the Incident template");
			alex.waitForMessage("plan-panel", "milestones added from the Incident template");
			assertThat(alex.find(By.id("plan-panel")).getText()).contains("Hotfix deployed");

			// A progress update with its health.
			alex.find(By.id("progress-text")).sendKeys("Backups restored and verified; executive call booked");
			new Select(alex.find(By.id("progress-health"))).selectByValue("AT_RISK");
			alex.submitIn("progress-panel", "Post update");
			alex.waitForMessage("progress-panel", "Progress update posted.");
			assertThat(alex.find(By.id("progress-panel")).getText()).contains("Backups restored and verified");

			// The stakeholders told, the meetings set up (the page reloads: SET_CADENCE is a triage step).
			alex.recordTriageStep("NOTIFY_STAKEHOLDERS", "CEO, VP CS, support and engineering leads by email and a live call");
			alex.driver().executeScript("arguments[0].value = '09:30'", alex.find(By.id("cadence-time")));
			alex.find(By.xpath("//button[normalize-space()='Set up meetings']")).click();
			alex.waitFor(By.partialLinkText("Invite to the series (.ics)"));
			assertThat(alex.find(By.id("cadence-panel")).getText()).contains("at 09:30");
			alex.submit("Start work");
			alex.waitForMessage("Moved to Active.");

			// A war-room meeting: its action item joins the plan (the page reloads again).
			alex.dateTime(By.id("meeting-held"), LocalDateTime.now(ZoneId.of("UTC")).minusDays(1));
			alex.find(By.id("meeting-attendees")).sendKeys("Alex Johnson\nLisa Wong");
			alex.find(By.id("meeting-notes")).sendKeys("Backup testing protocol reviewed");
			alex.find(By.name("actionTitle")).sendKeys("Send the RCA report to the CEO");
			alex.find(By.name("actionOwner")).sendKeys("Lisa Wong");
			alex.date(By.name("actionDue"), LocalDate.now().plusDays(5));
			alex.find(By.xpath("//button[normalize-space()='Record meeting']")).click();
			alex.screenshot("execution-meeting");
			alex.waitFor(By.xpath("//*[@id='plan-panel']//*[contains(text(), 'Send the RCA report to the CEO')]"));
			alex.screenshot("execution-risk");

			// Resolved with its root cause and a prevention item, the open plan carried over; closed.
			alex.find(By.id("resolve-root-cause")).sendKeys("The backups had never been test-restored");
			alex.find(By.id("resolve-prevention-0-text")).sendKeys("Monthly test restore of every backup");
			alex.find(By.id("resolve-prevention-0-owner")).sendKeys("Lisa Wong");
			alex.date(By.id("resolve-prevention-0-due"), LocalDate.now().plusDays(30));
			new Select(alex.find(By.id("resolve-open-work"))).selectByValue("CARRY_AS_PREVENTION");
			alex.submit("Resolve");
			alex.waitForMessage("Moved to Resolved.");
			new Select(alex.find(By.id("close-outcome"))).selectByValue("RETAINED");
			alex.find(By.id("close-summary")).sendKeys("Restored, credited and given a TAM; GlobalTech renewed");
			alex.submit("Close");
			alex.waitForMessage("Moved to Closed.");
			assertThat(alex.text()).contains("outcome Retained", "Restored, credited and given a TAM",
					"Monthly test restore of every backup");
		}
		assertThat(risks.get(key).closingSummary()).isEqualTo("Restored, credited and given a TAM; GlobalTech renewed");
	}

}
