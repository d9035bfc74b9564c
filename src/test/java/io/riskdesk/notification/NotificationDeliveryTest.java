package io.riskdesk.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.riskdesk.MutableClock;
import io.riskdesk.SeedDocuments;
import io.riskdesk.TestClockConfiguration;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.account.PersonForm;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.security.Role;
import io.riskdesk.security.UserAccounts;
import io.riskdesk.sla.BusinessCalendars;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.ClockView;
import io.riskdesk.sla.SlaClocks;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Delivery for real: a GreenMail SMTP server and a local HTTP server standing in for Slack, an
 * application context of its own with the delivery worker on, no demo data. Triggers fire through
 * the API as users fire them; what arrives is read back from the servers.
 */
@SpringBootTest(properties = {
		"riskdesk.demo.enabled=false",
		"riskdesk.security.admin-password=" + NotificationDeliveryTest.PASSWORD,
		"riskdesk.notifications.delivery.enabled=true",
		"riskdesk.notifications.delivery.poll-interval=100ms",
		"riskdesk.notifications.delivery.initial-backoff=100ms",
		"riskdesk.notifications.delivery.max-backoff=400ms",
		"riskdesk.notifications.delivery.max-attempts=4",
		"riskdesk.notifications.slack.timeout=500ms",
		"riskdesk.notifications.base-url=https://riskdesk.example.com" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class NotificationDeliveryTest {

	static final String PASSWORD = "delivery-test-admin";

	private static final int SMTP_PORT = freePort();

	private static GreenMail smtp = startSmtp();

	private static final SlackStandIn slack = new SlackStandIn();

	/** The executive digest's one recipient, unique: the test JVM's contexts share one database and outbox. */
	private static final String EXECUTIVE = "exec." + UUID.randomUUID().toString().substring(0, 8) + "@vendor.example";

	@DynamicPropertySource
	static void servers(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "localhost");
		registry.add("spring.mail.port", () -> SMTP_PORT);
		registry.add("riskdesk.notifications.slack.webhooks.cs-escalations", slack::url);
		registry.add("riskdesk.reports.executive-digest.recipients", () -> EXECUTIVE);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	RiskRegister risks;

	@Autowired
	SlaClocks clocks;

	@Autowired
	CorrectiveActionPlans plans;

	@Autowired
	BusinessCalendars calendars;

	@Autowired
	UserAccounts users;

	@Autowired
	PersonDirectory people;

	@Autowired
	JsonMapper json;

	@AfterEach
	void resetServers() throws Exception {
		clock.reset();
		if (!smtp.isRunning()) {
			smtp = startSmtp();
		}
		smtp.purgeEmailFromAllMailboxes();
		slack.reset();
	}

	@AfterAll
	static void stopServers() {
		smtp.stop();
		slack.server.stop(0);
	}

	@Test
	void triagingSendsTheInitialEscalationToTheMatrixByEmailAndSlackAndMeetsTheNotificationClock() throws Exception {
		Team team = team("S1");
		String name = "Acme <b>Bold</b> & Co " + team.suffix;
		String key = risk(account(name, team, "America/Chicago"), "API errors at 5%");

		triage(key, "S1", team.csm);

		// S1: AE, CS manager, support, engineering and PS leads with the internal escalation; POC and sponsor with
		// the customer update; the CS leader with the executive summary.
		List<MimeMessage> mail = awaitMail(team, 8);
		assertThat(recipients(mail)).containsExactlyInAnyOrder(team.email("AE"), team.email("CS_MANAGER"),
				team.email("SUPPORT_LEAD"), team.email("ENG_LEAD"), team.email("PS_LEAD"), team.contact("poc"),
				team.contact("sponsor"), team.email("CS_LEADER"));
		MimeMessage internal = to(mail, team.email("AE"));
		assertThat(internal.getSubject()).isEqualTo("[S1] " + name + ": Escalation - API errors at 5% (" + key + ")");
		assertThat(internal.getFrom()[0].toString()).contains("riskdesk@localhost");
		String text = part(internal, "text/plain");
		String html = part(internal, "text/html");
		assertThat(text).doesNotContain("First response to the customer: not set")
			.as("the message is written after the clocks of the triage start").contains("First response to the customer: ");
		assertThat(text).contains("Account:     " + name, "ARR at risk: USD 480,000",
				"https://riskdesk.example.com/risks/" + key);
		assertThat(html).contains("Acme &lt;b&gt;Bold&lt;/b&gt; &amp; Co").doesNotContain("<b>Bold</b>");
		MimeMessage customer = to(mail, team.contact("poc"));
		assertThat(customer.getSubject()).isEqualTo(name + ": API errors at 5% - update");
		assertThat(to(mail, team.email("CS_LEADER")).getSubject()).startsWith("Executive summary: [S1] ");
		assertThat(part(customer, "text/plain")).contains("Dear Pat Poc,").doesNotContain("ARR");

		// One Slack post to the channel of the severity, naming the internal people who have a handle.
		await().atMost(Duration.ofSeconds(20)).until(() -> slack.about(key).size() == 1);
		String post = slack.about(key).get(0);
		assertThat(JsonPath.<String>read(post, "$.blocks[0].text.text")).startsWith("[S1] Acme");
		assertThat(post).contains("USD 480,000", team.handle("AE"), team.handle("ENG_LEAD"),
				"https://riskdesk.example.com/risks/" + key);

		List<Notification> sent = awaitAllSent(key, 9);
		Instant firstDelivery = sent.stream().map(Notification::sentAt).min(Instant::compareTo).orElseThrow();
		RiskDetails risk = risks.get(key);
		assertThat(risk.missingTriageSteps()).doesNotContain(TriageStep.NOTIFY_STAKEHOLDERS);
		Instant notifiedAt = risk.triageSteps().stream().filter(step -> step.step() == TriageStep.NOTIFY_STAKEHOLDERS)
			.findFirst().orElseThrow().doneAt();
		assertThat(notifiedAt).isBetween(firstDelivery, firstDelivery.plusSeconds(5));
		assertThat(notificationClock(key).metAt()).isEqualTo(notifiedAt);
	}

	@Test
	void theSeedEscalationTellsItsMatrixByEmailAndSlackAndMeetsTheClockAtDelivery() throws Exception {
		// The seed's CSM owns its action items; this context has no demo data to know her from.
		users.createIfAbsent("alex", "Alex Johnson", "demo", Role.CSM, null);
		if (people.findByName("Jennifer Liu").isEmpty()) {
			people.create(new PersonForm("Jennifer Liu", "jennifer.liu@vendor.example", null));
		}
		String key = SeedDocuments.importAsNewAccount(mvc, json, "escalation-email-techcorp-enterprises.md",
				"TechCorp Seed");
		long accountId = json.readTree(mvc.perform(admin(get("/api/risks/{key}", key))).andReturn().getResponse()
			.getContentAsString()).get("account").get("id").asLong();
		assertThat(risks.get(key).severity()).as("the import triaged it, S0, before its account had a team")
			.isEqualTo(Severity.S0);
		Team team = team("S1");
		withTeamAndContacts(accountId, team);

		// Its team known, the escalation manager settles on S1: the S1 matrix hears of it.
		mvc.perform(admin(post("/api/risks/{key}/severity", key))
			.content("{\"severity\": \"S1\", \"reason\": \"Cancellation stayed; outage contained\"}"))
			.andExpect(status().isOk());

		// The S1 row: the internal escalation to five leads, the update to the customer's POC and sponsor, one
		// post to the Slack channel.
		assertThat(recipients(awaitMail(team, 7))).containsExactlyInAnyOrder(team.email("AE"), team.email("CS_MANAGER"),
				team.email("SUPPORT_LEAD"), team.email("ENG_LEAD"), team.email("PS_LEAD"), team.contact("poc"),
				team.contact("sponsor"));
		// (The imported history's clocks breached at once: their SLA alerts are posts about the risk too. Slack
		// escapes the arrow.)
		await().atMost(Duration.ofSeconds(20))
			.until(() -> slack.about(key).stream().filter(post -> post.contains("Severity S0 -&gt; S1")).count() == 1);
		assertThat(slack.about(key)).filteredOn(post -> post.contains("Severity S0 -&gt; S1")).singleElement()
			.asString().contains("TechCorp Seed", "USD 850,000");
		awaitAllSent(key, NotificationTrigger.SEVERITY_CHANGED, 8);
		Instant firstDelivery = notifications(key).stream()
			.filter(n -> n.trigger() == NotificationTrigger.SEVERITY_CHANGED)
			.map(Notification::sentAt)
			.min(Instant::compareTo)
			.orElseThrow();
		// The seed's history is a year old, so its target passed long ago: met at the delivery, late.
		assertThat(notificationClock(key).metAt()).isBetween(firstDelivery, firstDelivery.plusSeconds(5));
	}

	/** The seed names nobody the directory knows: the account gets this test's team and contacts. */
	private void withTeamAndContacts(long accountId, Team team) throws Exception {
		JsonNode account = json.readTree(mvc.perform(admin(get("/api/accounts/{id}", accountId))).andReturn()
			.getResponse().getContentAsString());
		ObjectNode form = json.createObjectNode();
		for (String field : List.of("name", "arr", "renewalDate", "segment", "country", "timeZone")) {
			form.set(field, account.get(field));
		}
		ObjectNode members = form.putObject("team");
		team.ids.forEach(members::put);
		ArrayNode contacts = form.putArray("contacts");
		contacts.addObject().put("role", "POC").put("name", "Pat Poc").put("email", team.contact("poc"));
		contacts.addObject().put("role", "SPONSOR").put("name", "Sam Sponsor").put("email", team.contact("sponsor"));
		mvc.perform(admin(put("/api/accounts/{id}", accountId)).header(HttpHeaders.IF_MATCH,
				"\"" + account.get("version").asInt() + "\"").content(json.writeValueAsString(form)))
			.andExpect(status().isOk());
	}

	@Test
	void aNotificationTriggerFiredTwiceQueuesNothingNew() throws Exception {
		Team team = team("S3");
		String key = risk(account("Twice Ltd" + " " + team.suffix, team, "UTC"), "Slow exports");
		triage(key, "S3", team.csm);
		awaitAllSent(key, 4);
		int rows = jdbc.sql("select count(*) from notification").query(Integer.class).single();
		Notification first = notifications(key).get(0);

		// The same firing (same occurrence) again: the idempotency key refuses every message of it.
		notificationsService.fire(new TriggerEvent(first.trigger(), key, first.occurrence(), Instant.now(), Map.of()));

		assertThat(jdbc.sql("select count(*) from notification").query(Integer.class).single()).isEqualTo(rows);
	}

	@Autowired
	Notifications notificationsService;

	@Test
	void retriesSlackThroughAnErrorAndATimeoutUntilItAnswers() throws Exception {
		Team team = team("S1");
		String key = risk(account("Retry Inc" + " " + team.suffix, team, "UTC"), "Webhook storms");
		slack.answer(key, Answer.status(500), Answer.slow(), Answer.status(200));

		triage(key, "S1", team.csm);

		Notification post = awaitAllSent(key, 9).stream().filter(n -> n.channel() == Channel.SLACK)
			.findFirst().orElseThrow();
		assertThat(post.attempts()).isEqualTo(3);
		assertThat(post.lastError()).isNull();
		assertThat(slack.about(key)).hasSize(3);
	}

	@Test
	void failsASlackPostAfterTheLastAttemptAndSaysSoOnTheTimeline() throws Exception {
		slack.alwaysFail = true;
		Team team = team("S1");
		String key = risk(account("Down Slack GmbH" + " " + team.suffix, team, "UTC"), "Login loops");

		triage(key, "S1", team.csm);

		await().atMost(Duration.ofSeconds(20)).until(() -> notifications(key).stream()
			.anyMatch(n -> n.status() == NotificationStatus.FAILED));
		Notification failed = notifications(key).stream().filter(n -> n.status() == NotificationStatus.FAILED)
			.findFirst().orElseThrow();
		assertThat(failed.channel()).isEqualTo(Channel.SLACK);
		assertThat(failed.attempts()).isEqualTo(4);
		assertThat(failed.lastError()).contains("HTTP 500").doesNotContain(slack.url());
		assertThat(risks.timeline(key)).anyMatch(entry -> entry.summary()
			.equals("Notification to #cs-escalations by SLACK failed after 4 attempts: " + failed.lastError()));
	}

	@Test
	void theNotificationClockBreachesWhileSmtpIsDownAndIsMetAtDeliveryNotAtQueueing() throws Exception {
		Team team = team("S2");
		ZoneId chicago = ZoneId.of("America/Chicago");
		String key = risk(account("Outage Corp" + " " + team.suffix, team, "America/Chicago"), "Mail relay down");
		Instant triagedAt = calendars.forAccount(null, chicago, "US")
			.nextBusinessMoment(LocalDateTime.now(chicago).minusWeeks(2).withHour(10).withMinute(0).atZone(chicago).toInstant());
		clock.set(triagedAt);
		smtp.stop();

		triage(key, "S2", team.csm);
		await().atMost(Duration.ofSeconds(20)).until(() -> notifications(key).stream()
			.allMatch(n -> n.attempts() >= 1 && n.status() == NotificationStatus.PENDING));
		ClockView queued = notificationClock(key);
		assertThat(queued.metAt()).as("queued is not notified").isNull();

		// Past the target with SMTP still down: the clock breaches.
		clock.set(queued.dueAt().plusSeconds(60));
		await().atMost(Duration.ofSeconds(20)).until(() -> notificationClock(key).breachedAt() != null);

		// SMTP back: the retries deliver, and the clock is met (late) at that moment.
		smtp = startSmtp();
		Instant deliveredAt = queued.dueAt().plusSeconds(120);
		clock.set(deliveredAt);
		awaitAllSent(key, NotificationTrigger.TRIAGED, 4);
		ClockView met = notificationClock(key);
		assertThat(met.metAt()).isEqualTo(deliveredAt);
		assertThat(met.breachedAt()).isEqualTo(queued.dueAt());
	}

	@Test
	void aDeliveryANodeDidNotLiveToRecordIsRecordedByTheNextPass() throws Exception {
		// Nobody of the S2 matrix is on this account: triage queues nothing, the step stays missing.
		long csm = team("S2").csm;
		long account = id(post("/api/accounts"), """
				{"name": "Crashed Node %s", "segment": "SMB", "country": "US", "timeZone": "UTC", "team": {"CSM": %d}}
				""".formatted(UUID.randomUUID().toString().substring(0, 8), csm));
		String key = risk(account, "Sent, then the node died");
		triage(key, "S2", csm);
		assertThat(risks.get(key).missingTriageSteps()).contains(TriageStep.NOTIFY_STAKEHOLDERS);

		// What a node leaves when it dies between the send and the record.
		jdbc.sql("""
				insert into notification (idempotency_key, risk_key, trigger, occurrence, severity, channel, recipient_key,
				  recipient_name, template, subject, text_body, meets_notification_clock, status, attempts, next_attempt_at,
				  created_at, sent_at)
				values (:key, :risk, 'TRIAGED', 'crash', 'S2', 'EMAIL', 'contact:x', 'Pat Poc', 'customer-update', 'Update',
				  'Hello', true, 'SENT', 1, now(), now(), now())""")
			.param("key", key + "|crash")
			.param("risk", key)
			.update();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> !risks.get(key).missingTriageSteps().contains(TriageStep.NOTIFY_STAKEHOLDERS));
		assertThat(notificationClock(key).metAt()).isNotNull();
	}

	@Test
	void anS0TriageInvitesToALiveCallTheSameBusinessDayAndAddsTheActionItem() throws Exception {
		Team team = team("S0");
		String key = risk(account("Burning Bank" + " " + team.suffix, team, "America/New_York"), "Total outage");

		triage(key, "S0", team.csm);

		List<Notification> sent = awaitAllSent(key, 12);
		List<Notification> invites = sent.stream().filter(n -> n.channel() == Channel.LIVE_CALL)
			.toList();
		assertThat(invites).extracting(Notification::address).containsExactlyInAnyOrder(team.email("AE"),
				team.email("CS_LEADER"), team.email("SUPPORT_LEAD"), team.email("ENG_LEAD"), team.contact("sponsor"),
				team.contact("exec"));
		MimeMessage invite = List.of(smtp.getReceivedMessages()).stream()
			.filter(m -> recipientsOf(m).contains(team.contact("exec")))
			.filter(m -> attachment(m, "invite.ics") != null)
			.findFirst().orElseThrow();
		Calendar calendar = new CalendarBuilder().build(new java.io.StringReader(attachment(invite, "invite.ics")));
		VEvent call = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
		assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
		assertThat(call.getProperty(Property.DTSTART).orElseThrow().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("America/New_York");
		assertThat(call.<Property>getProperties(Property.ATTENDEE)).extracting(attendee -> attendee.getValue().toLowerCase())
			.contains("mailto:" + team.email("ENG_LEAD"), "mailto:" + team.contact("exec"));
		Milestone actionItem = plans.of(key).stream().filter(m -> m.title().equals(LiveCalls.ACTION_ITEM))
			.findFirst().orElseThrow();
		assertThat(actionItem.ownerId()).isEqualTo(team.csm);
		assertThat(risks.get(key).missingTriageSteps()).as("the call is not the plan").contains(TriageStep.CREATE_CAP);
	}

	/**
	 * The report module's weekly digest goes through this module's outbox and mail channel: tested here, in
	 * this context with its SMTP server, rather than in a context of its own.
	 */
	@Test
	void theExecutiveDigestMailsThePortfolioPdfOncePerIsoWeek() throws Exception {
		Team team = team("S1");
		String name = "Digest Corp " + team.suffix;
		String key = risk(account(name, team, "UTC"), "Renewal in doubt");
		triage(key, "S1", team.csm);
		awaitAllSent(key, 9);
		ZonedDateTime now = clock.instant().atZone(ZoneOffset.UTC);
		String week = "%d-W%02d".formatted(now.get(IsoFields.WEEK_BASED_YEAR), now.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));

		mvc.perform(admin(post("/api/reports/executive-digest/run")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.week").value(week))
			.andExpect(jsonPath("$.recipients").value(1))
			.andExpect(jsonPath("$.queued").value(1));

		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(EXECUTIVE).size() == 1);
		MimeMessage digest = mailTo(EXECUTIVE).get(0);
		assertThat(digest.getSubject()).startsWith("Executive digest " + week + ": ");
		BodyPart pdf = attachmentPart(digest, "portfolio-" + week + ".pdf");
		assertThat(pdf).isNotNull();
		assertThat(pdf.isMimeType("application/pdf")).isTrue();
		try (PDDocument document = Loader.loadPDF(pdf.getInputStream().readAllBytes())) {
			// A table cell wraps a long account name over lines.
			assertThat(new PDFTextStripper().getText(document).replaceAll("\\s+", " ")).contains("Portfolio at risk", key,
					name);
		}

		// Again at the start of the same ISO week (the digest's zone is UTC): nothing new is queued or mailed.
		clock.set(now.toLocalDate().with(DayOfWeek.MONDAY).atStartOfDay(ZoneOffset.UTC).toInstant());
		mvc.perform(admin(post("/api/reports/executive-digest/run")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.week").value(week))
			.andExpect(jsonPath("$.queued").value(0));
		assertThat(jdbc.sql("select count(*) from notification where trigger = 'EXECUTIVE_DIGEST' and address = ?")
			.param(EXECUTIVE)
			.query(Integer.class)
			.single()).isEqualTo(1);
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(EXECUTIVE).size() == 1);
	}

	// --- fixtures ---------------------------------------------------------------------------------

	/** One person per team role, each with an e-mail address and a Slack handle. */
	private Team team(String label) throws Exception {
		Team team = new Team(UUID.randomUUID().toString().substring(0, 8));
		for (String role : List.of("CSM", "AE", "CS_MANAGER", "CS_LEADER", "SUPPORT_LEAD", "ENG_LEAD", "PS_LEAD")) {
			String email = role.toLowerCase() + "." + team.suffix + "@vendor.example";
			long id = id(post("/api/people"), """
					{"name": "%s %s", "email": "%s", "slackHandle": "@%s"}""".formatted(role, label, email,
					team.handle(role).substring(1)));
			team.ids.put(role, id);
		}
		team.csm = team.ids.get("CSM");
		return team;
	}

	private long account(String name, Team team, String zone) throws Exception {
		StringBuilder members = new StringBuilder();
		team.ids.forEach((role, id) -> members.append(members.isEmpty() ? "" : ", ").append('"').append(role)
			.append("\": ").append(id));
		return id(post("/api/accounts"), """
				{"name": "%s", "arr": {"amount": 480000, "currency": "USD"}, "renewalDate": "2027-06-30",
				 "segment": "ENTERPRISE", "country": "US", "timeZone": "%s", "team": {%s},
				 "contacts": [{"role": "POC", "name": "Pat Poc", "email": "%s"},
				              {"role": "SPONSOR", "name": "Sam Sponsor", "email": "%s"},
				              {"role": "EXEC", "name": "Eve Exec", "email": "%s"}]}
				""".formatted(name, zone, members, team.contact("poc"), team.contact("sponsor"), team.contact("exec")));
	}

	private String risk(long account, String title) throws Exception {
		String body = mvc.perform(admin(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "SUPPORT", "description": "Customers see errors", "evidence": ["3 Sev-1 tickets"]}
				""".formatted(account, title))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.key");
	}

	private void triage(String key, String severity, long owner) throws Exception {
		mvc.perform(admin(post("/api/risks/{key}/transitions", key)).content("""
				{"to": "TRIAGED", "severity": "%s", "ownerId": %d, "reason": "matrix test"}""".formatted(severity, owner)))
			.andExpect(status().isOk());
	}

	private long id(MockHttpServletRequestBuilder request, String body) throws Exception {
		String response = mvc.perform(admin(request).content(body)).andExpect(status().isCreated()).andReturn()
			.getResponse().getContentAsString();
		return ((Number) JsonPath.read(response, "$.id")).longValue();
	}

	private static MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON);
	}

	private List<Notification> notifications(String key) {
		return notificationsService.ofRisk(key);
	}

	private List<Notification> awaitAllSent(String key, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<Notification> all = notifications(key);
			return all.size() == count && all.stream().allMatch(n -> n.status() == NotificationStatus.SENT);
		});
		return notifications(key);
	}

	/** The SLA triggers of a clock moved far ahead queue more messages: only this trigger's are counted. */
	private void awaitAllSent(String key, NotificationTrigger trigger, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			List<Notification> fired = notifications(key).stream().filter(n -> n.trigger() == trigger).toList();
			return fired.size() == count && fired.stream().allMatch(n -> n.status() == NotificationStatus.SENT);
		});
	}

	/** The mail to this test's people: a message of an earlier test may still arrive. */
	private List<MimeMessage> awaitMail(Team team, int count) {
		await().atMost(Duration.ofSeconds(30)).until(() -> mailTo(team).size() >= count);
		await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> mailTo(team).size() == count);
		return mailTo(team);
	}

	private static List<MimeMessage> mailTo(String address) {
		return List.of(smtp.getReceivedMessages()).stream().filter(m -> recipientsOf(m).contains(address)).toList();
	}

	private static List<MimeMessage> mailTo(Team team) {
		return List.of(smtp.getReceivedMessages()).stream()
			.filter(m -> recipientsOf(m).stream().anyMatch(address -> address.contains(team.suffix)))
			.toList();
	}

	private ClockView notificationClock(String key) {
		return clocks.clocksOf(key).stream().filter(c -> c.kind() == ClockKind.NOTIFICATION).findFirst().orElseThrow();
	}

	private static List<String> recipients(List<MimeMessage> mail) {
		return mail.stream().flatMap(m -> recipientsOf(m).stream()).toList();
	}

	private static List<String> recipientsOf(MimeMessage message) {
		try {
			return java.util.Arrays.stream(message.getAllRecipients())
				.map(address -> ((jakarta.mail.internet.InternetAddress) address).getAddress())
				.toList();
		}
		catch (jakarta.mail.MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static MimeMessage to(List<MimeMessage> mail, String address) {
		return mail.stream().filter(m -> recipientsOf(m).contains(address)).findFirst().orElseThrow();
	}

	/** The first body part of this MIME type, searched through nested multiparts. */
	private static String part(MimeMessage message, String type) throws Exception {
		return find(message.getContent(), type);
	}

	private static String find(Object content, String type) throws Exception {
		if (content instanceof Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				String found = part.isMimeType(type) && part.getFileName() == null ? String.valueOf(part.getContent())
						: find(part.getContent(), type);
				if (found != null) {
					return found;
				}
			}
		}
		return null;
	}

	private static String attachment(MimeMessage message, String name) {
		try {
			BodyPart part = attachmentPart(message, name);
			return part == null ? null : new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The attached file of this name, null when there is none. */
	private static BodyPart attachmentPart(MimeMessage message, String name) throws Exception {
		Multipart multipart = (Multipart) message.getContent();
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (name.equals(part.getFileName())) {
				return part;
			}
		}
		return null;
	}

	private static GreenMail startSmtp() {
		GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "localhost", ServerSetup.PROTOCOL_SMTP));
		server.start();
		return server;
	}

	private static int freePort() {
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Team {

		final String suffix;

		final Map<String, Long> ids = new java.util.LinkedHashMap<>();

		long csm;

		Team(String suffix) {
			this.suffix = suffix;
		}

		String email(String role) {
			return role.toLowerCase() + "." + suffix + "@vendor.example";
		}

		/** The customer's people, unique per test like the team. */
		String contact(String role) {
			return role + "." + suffix + "@acme.example";
		}

		String handle(String role) {
			return "@" + role.toLowerCase().replace('_', '.') + "." + suffix;
		}

	}

	private record Answer(int code, boolean late) {

		static Answer status(int code) {
			return new Answer(code, false);
		}

		static Answer slow() {
			return new Answer(200, true);
		}
	}

	/** Slack's incoming webhook, played by a local HTTP server: answers as told, 200 when told nothing. */
	private static final class SlackStandIn {

		final HttpServer server;

		final List<String> received = new CopyOnWriteArrayList<>();

		/** Answers for the posts about one risk, in order: other tests' late alerts must not take them. */
		final Map<String, BlockingQueue<Answer>> answers = new java.util.concurrent.ConcurrentHashMap<>();

		volatile boolean alwaysFail;

		SlackStandIn() {
			try {
				server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.createContext("/services/T000/B000/secret", exchange -> {
				received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
				String post = received.get(received.size() - 1);
				Answer answer = alwaysFail ? Answer.status(500) : answers.entrySet().stream()
					.filter(about -> post.contains(about.getKey()))
					.map(about -> about.getValue().poll())
					.filter(java.util.Objects::nonNull)
					.findFirst()
					.orElse(null);
				answer = answer == null ? Answer.status(200) : answer;
				if (answer.late()) {
					try {
						Thread.sleep(1500);
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				byte[] body = (answer.code() == 200 ? "ok" : "internal_error").getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(answer.code(), body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
				catch (IOException ex) {
					// The client gave up (the timeout case).
				}
			});
			server.start();
		}

		String url() {
			return "http://localhost:" + server.getAddress().getPort() + "/services/T000/B000/secret";
		}

		/** The posts about one risk: another test's late SLA alert may arrive too. */
		List<String> about(String riskKey) {
			return received.stream().filter(post -> post.contains(riskKey)).toList();
		}

		void answer(String riskKey, Answer... inOrder) {
			answers.put(riskKey, new LinkedBlockingQueue<>(List.of(inOrder)));
		}

		void reset() {
			received.clear();
			answers.clear();
			alwaysFail = false;
		}

	}

}
