package io.riskdesk.browser;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
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
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.NewMilestone;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.TeamRole;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The UI in a real browser. Each test works on an account of its own, so the tests do not
 * depend on each other's order; each saves a screenshot under target/screenshots.
 */
@RiskdeskTest
class UiBrowserTest {

	@LocalServerPort
	int port;

	@Autowired
	Accounts accounts;

	@Autowired
	PersonDirectory people;

	@Autowired
	RiskRegister risks;

	@Autowired
	CorrectiveActionPlans plans;

	@BeforeAll
	static void browserInstalled() {
		Browser.assumeInstalled();
	}

	private String base() {
		return "http://localhost:" + port;
	}

	private AccountDetails freshAccount(String name) {
		long alex = people.findByEmail("alex.johnson@riskdesk.example").orElseThrow().id();
		return accounts.create(new AccountForm(name + " " + UUID.randomUUID().toString().substring(0, 6),
				new Money(new java.math.BigDecimal("250000"), java.util.Currency.getInstance("EUR")),
				LocalDate.now().plusDays(45), Segment.MID_MARKET, "DE", ZoneId.of("Europe/Berlin"), null,
				Map.of(TeamRole.CSM, alex), List.of(), null, null));
	}

	private String freshRisk(String accountName, String title) {
		AccountDetails account = freshAccount(accountName);
		return risks.create(new NewRisk(account.id(), title, RiskCategory.SUPPORT, "Found by a browser test", null,
				null, null, null, List.of("3 Sev-1 tickets in 30 days")), RiskSource.MANUAL, "alex").key();
	}

	@Test
	void signInAndSeeTheSeedRisksOnTheDashboard() throws Exception {
		try (Browser browser = Browser.signedIn(base(), "alex", 1280, 1500)) {
			assertThat(browser.text()).contains("Alex Johnson", "CSM", "Dashboard", "ARR at risk by severity")
				.contains("TechCorp Enterprises", "GlobalTech Industries", "ABC Corp", "TechCorp Solutions");
			browser.screenshot("dashboard");
			browser.find(By.cssSelector("form[action='/logout'] button")).click();
			assertThat(browser.waitFor(By.cssSelector(".message")).getText()).contains("signed out");
		}
	}

	@Test
	void filterAndSortTheRegister() throws Exception {
		try (Browser browser = Browser.signedIn(base(), "alex", 1280, 1300)) {
			browser.go("/risks");
			browser.find(By.cssSelector("input[name=severity][value=S0]")).click();
			browser.find(By.id("f-q")).sendKeys("TechCorp");
			browser.submit("Filter");
			assertThat(browser.url()).contains("severity=S0").contains("q=TechCorp");
			List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.register tbody tr"));
			assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row.getText()).contains("S0").contains("TechCorp"));

			browser.find(By.linkText("Account")).click();
			browser.waitFor(By.cssSelector("th[aria-sort=ascending]"));
			assertThat(browser.url()).contains("sort=account").contains("severity=S0");
		}
		// The default view, the unresolved risks, fits a 1,366 px wide screen without scrolling sideways.
		try (Browser browser = Browser.signedIn(base(), "morgan", 1366, 900)) {
			browser.go("/risks");
			assertThat(browser.url()).contains("status=OPEN&status=TRIAGED&status=ACTIVE");
			assertThat(browser.text()).contains("Showing status Open, Triaged, Active only.");
			Object overflow = ((JavascriptExecutor) browser.driver()).executeScript("""
					const wrap = document.querySelector('.table-wrap');
					return Math.max(document.documentElement.scrollWidth - document.documentElement.clientWidth,
						wrap.scrollWidth - wrap.clientWidth);""");
			assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
			browser.screenshot("register");
		}
	}

	@Test
	void logTriageAndWorkARiskToClosure() throws Exception {
		AccountDetails account = freshAccount("Browser Workflow");
		try (Browser browser = Browser.signedIn(base(), "alex", 1280, 2400)) {
			browser.go("/risks/new?accountId=" + account.id());
			browser.find(By.id("title")).sendKeys("Integration delayed by two sprints");
			new Select(browser.find(By.id("category"))).selectByValue("PRODUCT_FIT");
			browser.find(By.id("evidence")).sendKeys("Go-live moved from May to July\nPOC unhappy in QBR");
			browser.submit("Log the risk");
			browser.waitForMessage("Risk logged.");
			assertThat(browser.text()).contains("Integration delayed by two sprints", account.name(), "Open",
					"POC unhappy in QBR");

			new Select(browser.find(By.id("triage-severity"))).selectByValue("S2");
			new Select(browser.find(By.id("triage-owner"))).selectByVisibleText("Alex Johnson");
			browser.submit("Triage");
			browser.waitForMessage("Triaged.");
			assertThat(browser.text()).contains("Triaged", "S2 Medium");

			new Select(browser.find(By.id("severity-severity"))).selectByValue("S1");
			browser.find(By.id("severity-reason")).sendKeys("Renewal in 45 days");
			browser.submit("Change severity");
			browser.waitForMessage("Severity changed.");
			assertThat(browser.text()).contains("S1 High", "Severity S2 -> S1: Renewal in 45 days");

			// The SLA panel reloads with the risk: the first-response clock now counts S1's 4 business hours.
			browser.waitFor(By.cssSelector("#sla-panel table.clocks"));
			assertThat(browser.find(By.id("sla-panel")).getText()).contains("First response", "S1: 4 business h",
					"Running");
			assertThat(browser.find(By.cssSelector("#sla-panel time[data-countdown]")).getText()).startsWith("due in");
			browser.find(By.id("first-response-note")).sendKeys("Called the POC");
			browser.submit("Record first response");
			browser.waitForMessage("First response recorded.");
			browser.waitFor(By.xpath("//section[@id='sla-panel']//span[text()='Met']"));

			browser.find(By.id("blocker-description")).sendKeys("Waiting for the customer's firewall change");
			browser.submit("Raise blocker");
			browser.waitForMessage("Blocker raised.");
			assertThat(browser.text()).contains("#1 OPEN");
			browser.find(By.id("clear-1-resolution")).sendKeys("Firewall opened on Tuesday");
			browser.submit("Clear blocker #1");
			browser.waitForMessage("Blocker #1 cleared.");
			assertThat(browser.text()).contains("#1 CLEARED", "Firewall opened on Tuesday");

			browser.recordTriageStep("CREATE_CAP", "Integration sprint plan with weekly milestones");
			browser.recordTriageStep("NOTIFY_STAKEHOLDERS", "POC and AE by email");
			browser.recordTriageStep("SET_CADENCE", null);
			assertThat(browser.text()).contains("Cadence 3× a week").doesNotContain("THREE_TIMES_WEEKLY");
			browser.submit("Start work");
			browser.waitForMessage("Moved to Active.");
			browser.screenshot("risk-detail");

			browser.submit("Resolve");
			browser.waitForMessage("Not saved: Root cause is required");
			assertThat(browser.find(By.id("resolve-root-cause-error")).getText()).contains("is required");
			browser.find(By.id("resolve-root-cause")).sendKeys("Integration scope was underestimated");
			browser.find(By.id("resolve-prevention-0-text")).sendKeys("Scope review at kickoff");
			browser.find(By.id("resolve-prevention-0-owner")).sendKeys("Alex Johnson");
			browser.find(By.id("resolve-prevention-1-text")).sendKeys("Integration checklist");
			browser.submit("Resolve");
			browser.waitForMessage("Not saved");
			assertThat(browser.find(By.id("resolve-prevention-0-due-error")).getText()).contains("required");
			browser.date(By.id("resolve-prevention-0-due"), LocalDate.now().plusDays(30));
			browser.submit("Resolve");
			browser.waitForMessage("Not saved");
			// The rows typed so far are kept; the next message lands on its row.
			assertThat(browser.find(By.id("resolve-prevention-1-text")).getAttribute("value")).isEqualTo("Integration checklist");
			assertThat(browser.find(By.id("resolve-prevention-1-due-error")).getText()).contains("required");
			browser.find(By.id("resolve-prevention-1-owner")).sendKeys("Alex Johnson");
			browser.date(By.id("resolve-prevention-1-due"), LocalDate.now().plusDays(45));
			browser.submit("Resolve");
			browser.waitForMessage("Moved to Resolved.");
			assertThat(browser.text()).contains("Integration scope was underestimated", "Integration checklist");

			new Select(browser.find(By.id("close-outcome"))).selectByValue("RETAINED");
			browser.find(By.id("close-summary")).sendKeys("Integration live; the customer renewed");
			browser.submit("Close");
			browser.waitForMessage("Moved to Closed.");
			assertThat(browser.text()).contains("Closed", "outcome Retained").doesNotContain("Change severity", "Add decision");
			browser.screenshot("risk-closed");
		}
	}

	@Test
	void aNewRiskLikeAnUnresolvedOneIsAttachedToItOrLoggedAnyway() throws Exception {
		AccountDetails account = freshAccount("Browser Reported Again");
		String earlier = risks.create(new NewRisk(account.id(), "Sev-1 tickets piling up", RiskCategory.SUPPORT, null, null,
				null, null, null, List.of("3 Sev-1 tickets in 30 days")), RiskSource.MANUAL, "alex").key();
		try (Browser browser = Browser.signedIn(base(), "alex", 1280, 1400)) {
			fillNewRisk(browser, account, "Ticket backlog keeps growing", "Two VPs complained");
			browser.submit("Log the risk");
			browser.waitForMessage("The risk was not logged yet");
			assertThat(browser.find(By.id("duplicates")).getText()).contains(
					"This account already has an unresolved Support risk", earlier, "Sev-1 tickets piling up");
			assertThat(browser.find(By.id("title")).getAttribute("value")).isEqualTo("Ticket backlog keeps growing");
			browser.screenshot("new-risk-possible-duplicate");

			browser.submit("Attach to " + earlier);
			browser.waitForMessage("Attached to " + earlier);
			assertThat(browser.url()).endsWith("/risks/" + earlier);
			assertThat(browser.text()).contains("Sev-1 tickets piling up", "Two VPs complained",
					"Reported again: Ticket backlog keeps growing");

			fillNewRisk(browser, account, "Support portal down for a day", "Portal 503s all Monday");
			browser.submit("Log the risk");
			browser.waitForMessage("The risk was not logged yet");
			browser.submit("Log as a new risk anyway");
			browser.waitForMessage("Risk logged.");
			assertThat(browser.url()).doesNotContain(earlier);
			assertThat(browser.text()).contains("Support portal down for a day", "Portal 503s all Monday");
		}
	}

	private static void fillNewRisk(Browser browser, AccountDetails account, String title, String evidence) {
		browser.go("/risks/new?accountId=" + account.id());
		browser.find(By.id("title")).sendKeys(title);
		new Select(browser.find(By.id("category"))).selectByValue("SUPPORT");
		browser.find(By.id("evidence")).sendKeys(evidence);
	}

	@Test
	void aStaleEditGetsTheConflictMessageAndTheFreshData() throws Exception {
		String key = freshRisk("Browser Stale", "Sponsor went quiet");
		try (Browser alex = Browser.signedIn(base(), "alex"); Browser morgan = Browser.signedIn(base(), "morgan")) {
			alex.go("/risks/" + key);
			morgan.go("/risks/" + key);
			alex.find(By.id("decision-text")).sendKeys("Escalate to the VP this week");
			alex.submit("Add decision");
			alex.waitForMessage("Decision recorded.");

			morgan.find(By.id("decision-text")).sendKeys("Wait for the QBR");
			morgan.submit("Add decision");
			morgan.waitForMessage("changed by someone else meanwhile");
			assertThat(morgan.text()).contains("Escalate to the VP this week").doesNotContain("Wait for the QBR\n#");
			assertThat(morgan.find(By.id("decision-text")).getDomProperty("value")).isEqualTo("Wait for the QBR");
			morgan.screenshot("stale-edit");

			// Submitted again, now on the fresh version, the same decision goes through.
			morgan.submit("Add decision");
			morgan.waitForMessage("Decision recorded.");
			assertThat(morgan.text()).contains("Escalate to the VP this week", "Wait for the QBR");
		}
	}

	@Test
	void editAMilestoneInThePlanPanelAndItsClockMoves() throws Exception {
		String key = freshRisk("Browser Plan", "Hotfix slipped");
		LocalDate due = LocalDate.now().plusDays(9);
		plans.add(key, new NewMilestone("Ship the hotfix", "Lisa Wong", LocalDate.now().plusDays(2)), "alex");
		try (Browser browser = Browser.signedIn(base(), "alex", 1280, 1600)) {
			browser.go("/risks/" + key);
			browser.find(By.cssSelector("#plan-panel a[aria-label='Edit Ship the hotfix']")).click();
			browser.find(By.id("edit-title")).clear();
			browser.find(By.xpath("//button[normalize-space()='Save milestone']")).click();
			assertThat(browser.waitFor(By.id("edit-title-error")).getText()).isEqualTo("is required");

			browser.find(By.id("edit-title")).sendKeys("Ship the hotfix to production");
			browser.find(By.id("edit-owner")).clear();
			browser.find(By.id("edit-owner")).sendKeys("Omar Haddad");
			browser.date(By.id("edit-due"), due);
			browser.find(By.xpath("//button[normalize-space()='Save milestone']")).click();
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.cssSelector("#plan-panel .message"), "Milestone changed."));
			assertThat(browser.find(By.id("plan-panel")).getText()).contains("Ship the hotfix to production",
					"Omar Haddad", due.toString()).doesNotContain("Save milestone");
			// The SLA panel reloads: the milestone's clock now runs to the new date.
			new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions
				.textToBePresentInElementLocated(By.id("sla-panel"), "Ship the hotfix to production by " + due));
			browser.screenshot("milestone-edit");
		}
	}

	@Test
	void editAnAccountsTeamAndContactsAndMeetAStaleEdit() throws Exception {
		AccountDetails account = freshAccount("Browser Edit");
		try (Browser alex = Browser.signedIn(base(), "alex", 1280, 2200); Browser sam = Browser.signedIn(base(), "sam")) {
			alex.go("/accounts/" + account.id());
			alex.find(By.cssSelector("a[href='/accounts/" + account.id() + "/edit']")).click();
			sam.go("/accounts/" + account.id() + "/edit");

			new Select(alex.find(By.id("team-SUPPORT_LEAD"))).selectByVisibleText("Lisa Wong (Support)");
			new Select(alex.find(By.id("team-SECURITY"))).selectByVisibleText("Hannah Schultz");
			alex.find(By.xpath("//button[normalize-space()='Add a contact']")).click();
			new Select(alex.find(By.name("contacts[0].role"))).selectByValue("POC");
			alex.find(By.name("contacts[0].name")).sendKeys("Kai Berg");
			alex.find(By.name("contacts[0].email")).sendKeys("kai@example.com");
			alex.screenshot("account-edit");
			alex.submit("Save changes");
			alex.waitForMessage("Changes saved.");
			assertThat(alex.text()).contains("Support lead", "Lisa Wong (Support)", "Security", "Hannah Schultz",
					"Point of contact", "Kai Berg");

			sam.find(By.id("name")).clear();
			sam.find(By.id("name")).sendKeys(account.name() + " AG");
			sam.submit("Save changes");
			sam.waitForMessage("changed by someone else meanwhile");
			assertThat(sam.text()).contains("The current version (1)", "Kai Berg", "Hannah Schultz");
			assertThat(sam.find(By.id("name")).getDomProperty("value")).isEqualTo(account.name() + " AG");
			sam.screenshot("account-edit-stale");
		}
	}

	@Test
	void accountAndPlaybookPages() throws Exception {
		String key = freshRisk("Browser Account", "Usage dropped 35%");
		try (Browser browser = Browser.signedIn(base(), "alex", 1280, 1300)) {
			browser.go("/risks/" + key);
			browser.find(By.cssSelector(".risk-head a[href^='/accounts/']")).click();
			browser.waitFor(By.id("account-risks-heading"));
			assertThat(browser.text()).contains("Account team", "Alex Johnson", "EUR 250,000", "Usage dropped 35%");
			browser.screenshot("account");

			browser.find(By.linkText("Playbook")).click();
			browser.waitFor(By.id("matrix-heading"));
			assertThat(browser.text()).contains("S0 Critical", "Daily war room", "Business calendars");
			browser.screenshot("playbook");
		}
		try (Browser narrow = Browser.signedIn(base(), "alex", 420, 900)) {
			narrow.go("/risks");
			narrow.screenshot("register-narrow");
		}
	}

	@Test
	void importMeetingNotesReviewTheDraftAndConfirm() throws Exception {
		String account = "Browser Intake " + UUID.randomUUID().toString().substring(0, 6);
		LocalDate date = LocalDate.now().minusDays(3);
		String notes = """
				# Escalation call

				**Customer:** %s
				**Date:** %s
				**Attendees:**
				- Alex Johnson, Customer Success Manager
				- Omar Haddad, Support Lead
				- Dana Fox (customer), VP Operations

				**Customer concerns:**
				- Nightly sync failed three times this week, threatening the renewal
				- Board reports were late

				**Action items:**
				- Alex: send the root cause analysis by %s
				- Omar: ship the retry fix within 72 hours
				- Omar: review the sync monitoring
				""".formatted(account, date, date.plusDays(4));
		try (Browser browser = Browser.signedIn(base(), "alex", 1400, 1800)) {
			browser.go("/intake");
			// Typing a long text key by key is slow and auto-indents nothing; a paste sets the value at once.
			browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(By.id("content")), notes);
			browser.submit("Read and review");
			assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Review the import");
			assertThat(browser.find(By.id("account-name")).getAttribute("value")).isEqualTo(account);
			assertThat(browser.find(By.id("risk-owner")).getText()).contains("Alex Johnson");

			// In a milestone's row, the words it came from light up in the document.
			WebElement firstTitle = browser.find(By.name("actionItems[0].title"));
			assertThat(firstTitle.getAttribute("value")).isEqualTo("send the root cause analysis");
			firstTitle.click();
			assertThat(browser.find(By.cssSelector("#document mark.active")).getText()).contains("send the root cause analysis");
			assertThat(browser.find(By.name("actionItems[2].due")).getAttribute("value")).isNotEmpty();
			browser.screenshot("intake-review");

			// Drop the second milestone, add one by hand: the rows are numbered again for the server.
			browser.driver().findElements(By.cssSelector("[data-rows=actionItems] [data-remove-row]")).get(1).click();
			browser.find(By.xpath("//button[normalize-space()='Add a milestone']")).click();
			browser.find(By.name("actionItems[2].title")).sendKeys("Share the sync dashboard");
			browser.find(By.name("actionItems[2].owner")).sendKeys("Dana Fox");
			browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(By.name("actionItems[2].due")),
					date.plusDays(7).toString());
			new Select(browser.find(By.id("account-segment"))).selectByValue("MID_MARKET");

			browser.submit("Confirm the import");
			browser.waitForMessage("Imported");
			browser.waitFor(By.cssSelector("#plan-panel table"));
			assertThat(browser.find(By.id("plan-panel")).getText()).contains("send the root cause analysis",
					"review the sync monitoring", "Share the sync dashboard", "Dana Fox")
				.doesNotContain("ship the retry fix");
			assertThat(browser.text()).contains(account, "Import");
			browser.screenshot("intake-risk");

			browser.find(By.partialLinkText("imported from")).click();
			assertThat(browser.find(By.cssSelector("pre.document")).getText()).contains("Omar: ship the retry fix within 72 hours");
			browser.screenshot("intake-imported");
		}
	}

	@Test
	void anOldDocumentShowsWhatWouldStartBreachedAndItsPastDueDatesMoveInOneClick() throws Exception {
		String account = "Browser Dates " + UUID.randomUUID().toString().substring(0, 6);
		LocalDate date = LocalDate.now().minusDays(21);
		String notes = """
				# Escalation call

				**Customer:** %s
				**Date:** %s

				**Customer concerns:**
				- Nightly sync failed three times, threatening the renewal

				**Action items:**
				- Alex: send the root cause analysis by %s
				- Omar: review the sync monitoring by %s
				""".formatted(account, date, date.plusDays(7), LocalDate.now().plusDays(30));
		try (Browser browser = Browser.signedIn(base(), "alex", 1400, 1800)) {
			browser.go("/intake");
			browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(By.id("content")), notes);
			browser.submit("Read and review");

			assertThat(browser.find(By.id("breached-clocks")).getText()).contains("This document is dated " + date,
					"these clocks would start already breached", "Triage", "First response", "Notification");
			assertThat(overdueFlags(browser)).containsExactly("actionItems[0].due");
			browser.screenshot("intake-dates");

			WebElement move = browser.find(By.xpath("//button[starts-with(normalize-space(), 'Move past due dates to')]"));
			String nextWorkingDay = move.getText().substring(move.getText().lastIndexOf(' ') + 1);
			assertThat(LocalDate.parse(nextWorkingDay)).isAfter(LocalDate.now());
			browser.submit(move.getText());
			browser.waitForMessage("Moved 1 due date to " + nextWorkingDay);
			assertThat(browser.find(By.name("actionItems[0].due")).getAttribute("value")).isEqualTo(nextWorkingDay);
			assertThat(overdueFlags(browser)).isEmpty();

			// The reviewer sets a date in the past by hand: checking the dates flags it.
			browser.driver().executeScript("arguments[0].value = arguments[1]", browser.find(By.name("actionItems[1].due")),
					date.toString());
			browser.submit("Check dates");
			assertThat(overdueFlags(browser)).containsExactly("actionItems[1].due");
			assertThat(browser.text()).contains("Move past due dates to");
		}
	}

	/** The due fields of the milestones flagged "already overdue", by name. */
	private static List<String> overdueFlags(Browser browser) {
		return browser.driver()
			.findElements(By.xpath("//span[@class='overdue' and normalize-space()='already overdue']/preceding-sibling::input"))
			.stream()
			.map(input -> input.getAttribute("name"))
			.toList();
	}

	@Test
	void theForbiddenPageNamesTheRoleThatIsNeeded() throws Exception {
		try (Browser browser = Browser.signedIn(base(), "sam")) {
			browser.go("/risks/new");
			browser.waitFor(By.tagName("h1"));
			assertThat(browser.text()).contains("You may not do this", "Administrator, CSM, CS leader, CS manager",
					"Sam Rivera", "Account executive");
			browser.screenshot("forbidden");
		}
	}

}
