package io.riskdesk.playbook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;

import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PlaybookLoaderTest {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private final PlaybookLoader loader = new PlaybookLoader(validation.getValidator());

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void theShippedPlaybookEqualsTheSeedPlaybook() {
		Playbook playbook = loader.load(new ClassPathResource("playbook.yml"));

		assertThat(playbook.triage().window()).isEqualTo(Duration.ofHours(24));
		assertThat(playbook.triage().steps()).hasSize(5);
		assertThat(playbook.severity(Severity.S0).firstResponse()).isEqualTo(new SlaTarget(2, SlaTarget.Unit.HOURS));
		assertThat(playbook.severity(Severity.S1).firstResponse())
			.isEqualTo(new SlaTarget(4, SlaTarget.Unit.BUSINESS_HOURS));
		assertThat(playbook.severity(Severity.S2).firstResponse())
			.isEqualTo(new SlaTarget(1, SlaTarget.Unit.BUSINESS_DAYS));
		assertThat(playbook.severity(Severity.S3).firstResponse())
			.isEqualTo(new SlaTarget(2, SlaTarget.Unit.BUSINESS_DAYS));
		assertThat(playbook.severity(Severity.S0).progressUpdates()).isEqualTo(Cadence.DAILY);
		assertThat(playbook.severity(Severity.S1).progressUpdates()).isEqualTo(Cadence.DAILY);
		assertThat(playbook.severity(Severity.S2).progressUpdates()).isEqualTo(Cadence.TWICE_WEEKLY);
		assertThat(playbook.severity(Severity.S3).progressUpdates()).isEqualTo(Cadence.TWICE_WEEKLY);
		assertThat(playbook.severity(Severity.S0).examples()).contains("Security incident");

		Playbook.MatrixEntry s0 = playbook.matrix(Severity.S0);
		assertThat(s0.customer()).containsExactly(ContactRole.SPONSOR, ContactRole.EXEC);
		assertThat(s0.internal()).containsExactly(TeamRole.AE, TeamRole.CS_LEADER, TeamRole.SUPPORT_LEAD, TeamRole.ENG_LEAD);
		assertThat(s0.internalIfApplicable()).containsExactly(TeamRole.SECURITY, TeamRole.LEGAL);
		assertThat(s0.channels()).containsExactly(Channel.EMAIL, Channel.LIVE_CALL);
		assertThat(s0.notification().unit()).isEqualTo(SlaTarget.Unit.SAME_DAY);
		assertThat(s0.cadence()).isEqualTo(Cadence.DAILY);
		assertThat(playbook.matrix(Severity.S1).notification()).isEqualTo(new SlaTarget(4, SlaTarget.Unit.HOURS));
		assertThat(playbook.matrix(Severity.S1).cadence()).isEqualTo(Cadence.THREE_TIMES_WEEKLY);
		assertThat(playbook.matrix(Severity.S2).notification()).isEqualTo(new SlaTarget(1, SlaTarget.Unit.BUSINESS_DAYS));
		assertThat(playbook.matrix(Severity.S2).cadence()).isEqualTo(Cadence.WEEKLY);
		assertThat(playbook.matrix(Severity.S3).notification()).isEqualTo(new SlaTarget(2, SlaTarget.Unit.BUSINESS_DAYS));
		assertThat(playbook.matrix(Severity.S3).cadence()).isEqualTo(Cadence.BIWEEKLY);

		DetectionPolicy detection = playbook.detection();
		assertThat(detection.adoption().floorUsers()).isEqualTo(10);
		assertThat(detection.adoption().usageDrop()).isEqualTo(new DetectionPolicy.Drop(30, 30, Severity.S2));
		assertThat(detection.adoption().collapse()).isEqualTo(new DetectionPolicy.Drop(40, 14, Severity.S1));
		assertThat(detection.adoption().personaUnderuse().weeks()).isEqualTo(2);
		assertThat(detection.adoption().personaUnderuse().targets()).isEmpty();
		assertThat(detection.support().sev1Tickets()).isEqualTo(new DetectionPolicy.Count(2, 30, Severity.S1));
		assertThat(detection.support().sev1Unresolved()).isEqualTo(new DetectionPolicy.Age(7, Severity.S1));
		assertThat(detection.support().workarounds()).isEqualTo(new DetectionPolicy.Count(3, 30, Severity.S2));
		assertThat(detection.commercial().invoiceOverdue()).isEqualTo(new DetectionPolicy.Age(30, Severity.S2));
		assertThat(detection.sentiment().nps()).isEqualTo(new DetectionPolicy.Nps(6, Severity.S2));
		assertThat(detection.events().windowDays()).isEqualTo(30);
		assertThat(detection.renewal()).isEqualTo(new DetectionPolicy.Renewal(30, 90));
		assertThat(detection.rules()).extracting(DetectionPolicy.Rule::id, DetectionPolicy.Rule::category,
				DetectionPolicy.Rule::severity)
			.containsExactly(tuple("usage-drop", RiskCategory.ADOPTION, Severity.S2),
					tuple("adoption-collapse", RiskCategory.ADOPTION, Severity.S1),
					tuple("persona-underuse", RiskCategory.ADOPTION, Severity.S2),
					tuple("first-value-slipping", RiskCategory.ADOPTION, Severity.S2),
					tuple("sev1-tickets", RiskCategory.SUPPORT, Severity.S1),
					tuple("sev1-unresolved", RiskCategory.SUPPORT, Severity.S1),
					tuple("repeated-workarounds", RiskCategory.SUPPORT, Severity.S2),
					tuple("invoice-overdue", RiskCategory.COMMERCIAL, Severity.S2),
					tuple("nps-detractor", RiskCategory.SENTIMENT, Severity.S2),
					tuple("adoption-collapse-reported", RiskCategory.ADOPTION, Severity.S1),
					tuple("budget-freeze", RiskCategory.COMMERCIAL, Severity.S2),
					tuple("change-freeze", RiskCategory.PEOPLE, Severity.S3),
					tuple("competing-priorities", RiskCategory.PEOPLE, Severity.S3),
					tuple("health-red", RiskCategory.SENTIMENT, Severity.S2),
					tuple("health-yellow", RiskCategory.SENTIMENT, Severity.S3),
					tuple("invoice-overdue-reported", RiskCategory.COMMERCIAL, Severity.S2),
					tuple("missing-capability", RiskCategory.PRODUCT_FIT, Severity.S2),
					tuple("negative-exec-feedback", RiskCategory.SENTIMENT, Severity.S1),
					tuple("nps-detractor-reported", RiskCategory.SENTIMENT, Severity.S2),
					tuple("outage-all-users", RiskCategory.INCIDENT, Severity.S0),
					tuple("outage-partial", RiskCategory.INCIDENT, Severity.S2),
					tuple("poc-left", RiskCategory.PEOPLE, Severity.S2),
					tuple("procurement-delay", RiskCategory.COMMERCIAL, Severity.S2),
					tuple("reorg", RiskCategory.PEOPLE, Severity.S2),
					tuple("roadmap-dependency", RiskCategory.PRODUCT_FIT, Severity.S2),
					tuple("security-incident", RiskCategory.INCIDENT, Severity.S0),
					tuple("sev1-tickets-reported", RiskCategory.SUPPORT, Severity.S1),
					tuple("sev1-unresolved-reported", RiskCategory.SUPPORT, Severity.S1),
					tuple("sponsor-left", RiskCategory.PEOPLE, Severity.S1),
					tuple("usage-drop-reported", RiskCategory.ADOPTION, Severity.S2));
		assertThat(detection.rule("health-red").threshold())
			.isEqualTo("a HEALTH_RED event within 30 days, unless a later HEALTH_GREEN or HEALTH_YELLOW");
		assertThat(detection.rule("usage-drop").threshold()).isEqualTo(
				"WAU or MAU on the latest reported day down more than 30% vs 30 days before (not when that earlier value is under 10 users)");

		ConcessionPolicy concessions = playbook.concessions();
		assertThat(concessions.currency().getCurrencyCode()).isEqualTo("USD");
		assertThat(concessions.limits()).extracting(java.util.Map.Entry::getKey)
			.containsExactly(TeamRole.CSM, TeamRole.CS_MANAGER, TeamRole.CS_LEADER, TeamRole.EXEC);
		assertThat(concessions.limit(TeamRole.CS_MANAGER)).contains(new ApprovalLimit(new java.math.BigDecimal("50000")));
		assertThat(concessions.limit(TeamRole.EXEC).orElseThrow().unlimited()).isTrue();
		assertThat(concessions.limit(TeamRole.AE)).isEmpty();
		assertThat(concessions.rolesCovering(new java.math.BigDecimal("50000.00")))
			.containsExactly(TeamRole.CS_MANAGER, TeamRole.CS_LEADER, TeamRole.EXEC);

		CalendarSpec calendar = playbook.calendar(null);
		assertThat(calendar.windows(java.time.DayOfWeek.MONDAY)).containsExactly(new CalendarSpec.Window(540, 1020));
		assertThat(calendar.windows(java.time.DayOfWeek.SATURDAY)).isEmpty();
		assertThat(calendar.holidayCountry()).isNull();
	}

	@Test
	void checksTheCalendars() {
		assertInvalid(shipped().replace("MONDAY: [\"09:00-17:00\"]", "MONDAY: [\"9-5\"]"),
				"calendars.default: hours.MONDAY: '9-5' must be a window such as 09:00-17:00");
		assertInvalid(shipped().replace("MONDAY: [\"09:00-17:00\"]", "MONDAY: [\"09:00-12:30\", \"12:00-17:00\"]"),
				"calendars.default: hours.MONDAY: windows overlap");
		assertInvalid(shipped().replace("MONDAY: [\"09:00-17:00\"]", "MONDAY: [\"17:00-09:00\"]"),
				"a window must start before it ends");
		assertInvalid(shipped().replace("  default:\n    hours:", "  emea:\n    hours:"),
				"calendars: missing default");
	}

	@Test
	void namesTheKeyOfAMissingSeverity() {
		assertInvalid(shipped().replaceFirst("(?s)\n  S2:\n    name: Medium.*?progress-updates: TWICE_WEEKLY\n", "\n"),
				"severities: missing S2");
	}

	@Test
	void namesTheKeyOfABadValue() {
		assertInvalid(shipped().replace("first-response: { amount: 4, unit: BUSINESS_HOURS }",
				"first-response: { amount: 0, unit: BUSINESS_HOURS }"),
				"severities.S1.first-response: amount must be greater than 0 for unit BUSINESS_HOURS");
		assertInvalid(shipped().replace("unit: BUSINESS_HOURS", "unit: MINUTES"), "severities.S1.first-response.unit");
		assertInvalid(shipped().replace("at-or-below: 6", "at-or-below: 11"),
				"detection.sentiment.nps.at-or-below: must be less than or equal to 10");
		assertInvalid(shipped().replace("    cadence-label: Weekly\n", ""),
				"escalation-matrix.S2.cadence-label: is required");
		assertInvalid(shipped().replace("collapse: { percent: 40", "collapse: { percent: 20"),
				"detection.adoption.collapse.percent: must be greater than usage-drop.percent");
		assertInvalid(shipped().replace("window: PT24H", "window: PT24H\n  colour: red"), "triage.colour");
		assertInvalid(shipped().replace("    definition: Meaningful impact, manageable with plan\n", "    definition: ' '\n"),
				"severities.S2.definition: is required");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			usage-drop: { percent: 30, days: 30  | usage-drop: { percent: -5, days: 30 | detection.adoption.usage-drop.percent: must be greater than or equal to 0
			collapse: { percent: 40, days: 14    | collapse: { percent: 40, days: 0    | detection.adoption.collapse.days: must be greater than 0
			floor-users: 10                      | floor-users: -1                     | detection.adoption.floor-users: must be greater than or equal to 0
			sev1-tickets: { count: 2             | sev1-tickets: { count: -2           | detection.support.sev1-tickets.count: must be greater than 0
			invoice-overdue: { days: 30          | invoice-overdue: { days: -30        | detection.commercial.invoice-overdue.days: must be greater than 0
			window-days: 30                      | window-days: -1                     | detection.events.window-days: must be greater than 0
			horizon-days: 90                     | horizon-days: 20                    | detection.renewal.blocker-days: must be less than horizon-days
			sev1-unresolved: { days: 7, severity: S1 } | sev1-unresolved: { days: 7, severity: S5 } | detection.support.sev1-unresolved.severity: Cannot deserialize value of type `io.riskdesk.playbook.Severity` from String "S5"
			SPONSOR_LEFT: { category: PEOPLE, severity: S1 } | SPONSOR_LEFT: { category: PEOPLE } | detection.events.rules.SPONSOR_LEFT.severity: is required
			SPONSOR_LEFT: { category: PEOPLE     | SPONSR_LEFT: { category: PEOPLE     | detection.events.rules.SPONSR_LEFT: unknown event type (known: ADOPTION_COLLAPSE_REPORTED, BUDGET_FREEZE, CHANGE_FREEZE
			cleared-by: [HEALTH_GREEN, HEALTH_YELLOW] | cleared-by: [HEALTH_BLUE]  | detection.events.rules.HEALTH_RED.cleared-by: unknown event type HEALTH_BLUE
			category: PRODUCT_FIT, severity: S2 } | category: FIT, severity: S2 }      | detection.events.rules.MISSING_CAPABILITY.category: Cannot deserialize value of type `io.riskdesk.playbook.RiskCategory` from String "FIT"
			targets: []                          | targets: [{ feature: reports, persona: analyst, weekly-users: 0 }] | detection.adoption.persona-underuse.targets.0.weekly-users: must be greater than 0
			targets: []                          | targets: [{ feature: reports, persona: analyst, weekly-users: 2 }, { feature: reports, persona: analyst, weekly-users: 3 }] | detection.adoption.persona-underuse.targets: reports / analyst is listed twice
			POC_LEFT: { category: PEOPLE, severity: S2 } | POC_LEFT: { category: PEOPLE, severity: S2 }\\n      SPONSOR_LEFT: { category: PEOPLE, severity: S3 } | detection.events.rules: Duplicate Object property "SPONSOR_LEFT"
			""")
	void refusesABadDetectionRuleNamingItsKey(String shippedText, String badText, String expectedProblem) {
		assertThat(shipped()).contains(shippedText);
		assertInvalid(shipped().replace(shippedText, badText.replace("\\n", "\n")), expectedProblem);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			CSM: 10000      | CSM: -1         | concessions.approval-limits.CSM: must be an amount of at least 0
			CSM: 10000      | CSM: lots       | concessions.approval-limits.CSM: must be an amount such as 10000, or unlimited, not 'lots'
			CSM: 10000      | CSM: 10000.001  | concessions.approval-limits.CSM: must be an amount of at least 0 with at most 2 decimals
			CSM: 10000      | BOSS: 10000     | concessions.approval-limits
			currency: USD   | currency: XYZ   | concessions.currency
			""")
	void refusesABadApprovalLimitNamingItsKey(String shippedText, String badText, String expectedProblem) {
		assertThat(shipped()).contains(shippedText);
		assertInvalid(shipped().replace(shippedText, badText), expectedProblem);
	}

	@Test
	void theShippedNotificationRulesReadAsWritten() {
		NotificationPolicy notifications = loader.load(new ClassPathResource("playbook.yml")).notifications();

		NotificationRule executive = notifications.rules(NotificationTrigger.TRIAGED).get(2);
		assertThat(executive.team()).containsExactly(TeamRole.CS_LEADER, TeamRole.EXEC);
		assertThat(executive.channels()).containsExactly(Channel.EMAIL);
		assertThat(executive.appliesTo(Severity.S1)).isTrue();
		assertThat(executive.appliesTo(Severity.S2)).isFalse();
		NotificationRule internal = notifications.rules(NotificationTrigger.TRIAGED).get(0);
		assertThat(internal.matrix()).isEqualTo(NotificationRule.MatrixAudience.INTERNAL);
		assertThat(internal.channels()).as("absent: the matrix's channels").isNull();
		assertThat(notifications.rules(NotificationTrigger.MILESTONE_OVERDUE).get(0).risk())
			.containsExactly(NotificationRule.RiskPerson.MILESTONE_OWNER, NotificationRule.RiskPerson.OWNER);
		assertThat(notifications.weeklyDigest().day()).isEqualTo(java.time.DayOfWeek.MONDAY);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			risk: [OWNER], channels: [EMAIL], template: customer-update-reminder | channels: [EMAIL], template: customer-update-reminder | names nobody: give matrix, risk, team or customer
			risk: [OWNER], channels: [EMAIL], template: customer-update-reminder | risk: [OWNER], channels: [], template: customer-update-reminder | must not be empty
			risk: [OWNER], channels: [EMAIL], template: customer-update-reminder | risk: [OWNER], channels: [FAX], template: customer-update-reminder | notifications.triggers
			risk: [OWNER], channels: [EMAIL], template: customer-update-reminder | risk: [BOSS], channels: [EMAIL], template: customer-update-reminder | notifications.triggers
			risk: [OWNER], channels: [EMAIL], template: customer-update-reminder | risk: [OWNER], channels: [EMAIL], template: ../etc/passwd | must be a template name
			CUSTOMER_UPDATE_DUE:   | WEEKLY_DIGEST:  | WEEKLY_DIGEST, EXECUTIVE_DIGEST and CUSTOMER_UPDATE are not triggers
			CUSTOMER_UPDATE_DUE:   | EXECUTIVE_DIGEST: | WEEKLY_DIGEST, EXECUTIVE_DIGEST and CUSTOMER_UPDATE are not triggers
			CUSTOMER_UPDATE_DUE:   | PAGE_ME:        | notifications.triggers
			day: MONDAY            | day: MOONDAY    | notifications.weekly-digest.day
			""")
	void refusesABadNotificationRuleNamingItsKey(String shippedText, String badText, String expectedProblem) {
		assertThat(shipped()).contains(shippedText);
		assertInvalid(shipped().replace(shippedText, badText), expectedProblem);
	}

	@Test
	void theConcessionSectionIsRequired() {
		assertInvalid(shipped().substring(0, shipped().indexOf("\nconcessions:")), "concessions: is required");
	}

	@Test
	void theShippedPlaybookHasACapTemplateForEveryCategory() {
		Playbook playbook = loader.load(new ClassPathResource("playbook.yml"));

		assertThat(playbook.capTemplates()).containsOnlyKeys(RiskCategory.values());
		assertThat(playbook.capTemplate(RiskCategory.INCIDENT))
			.extracting(CapStep::title, CapStep::owner, CapStep::offset)
			.containsExactly(
					tuple("Incident acknowledged to the customer", TeamRole.SUPPORT_LEAD, new CapStep.Offset(2, CapStep.Unit.HOURS)),
					tuple("Hotfix deployed", TeamRole.ENG_LEAD, new CapStep.Offset(24, CapStep.Unit.HOURS)),
					tuple("Monitoring period passed", TeamRole.SUPPORT_LEAD, new CapStep.Offset(72, CapStep.Unit.HOURS)),
					tuple("RCA delivered", TeamRole.ENG_LEAD, new CapStep.Offset(5, CapStep.Unit.BUSINESS_DAYS)),
					tuple("Prevention items scheduled", TeamRole.ENG_LEAD, new CapStep.Offset(10, CapStep.Unit.BUSINESS_DAYS)));
		assertThat(playbook.capTemplate(RiskCategory.ADOPTION)).extracting(CapStep::title)
			.containsExactly("Usage review with the customer", "Enablement session delivered", "Success plan agreed");
		assertThat(playbook.capTemplate(RiskCategory.INCIDENT).get(0).successCriterion()).startsWith("The customer has");
		assertThat(new CapStep.Offset(1, CapStep.Unit.BUSINESS_DAYS).label()).isEqualTo("1 business day");
		assertThat(new CapStep.Offset(72, CapStep.Unit.HOURS).label()).isEqualTo("72 hours");
	}

	@Test
	void aCategoryMayHaveNoTemplate() {
		Playbook playbook = load(shipped().replaceFirst("(?s)\n  SENTIMENT:\n    - title: Listening call.*?amount: 30, unit: BUSINESS_DAYS }\n", "\n"));

		assertThat(playbook.capTemplate(RiskCategory.SENTIMENT)).isEmpty();
		assertThat(playbook.capTemplate(RiskCategory.INCIDENT)).hasSize(5);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			owner: SUPPORT_LEAD\\n      offset: { amount: 2, unit: HOURS } | owner: CTO\\n      offset: { amount: 2, unit: HOURS } | cap-templates.INCIDENT[0].owner: Cannot deserialize value of type `io.riskdesk.playbook.TeamRole` from String "CTO"
			offset: { amount: 2, unit: HOURS }     | offset: { amount: 2, unit: MINUTES }   | cap-templates.INCIDENT[0].offset.unit: Cannot deserialize value of type `io.riskdesk.playbook.CapStep$Unit` from String "MINUTES"
			offset: { amount: 2, unit: HOURS }     | offset: { amount: -2, unit: HOURS }    | cap-templates.INCIDENT.0.offset.amount: must be greater than or equal to 0
			offset: { amount: 2, unit: HOURS }     | offset: { unit: HOURS }                | cap-templates.INCIDENT[0].offset.amount: Cannot map `null` into type `int`
			- title: Incident acknowledged to the customer | - title: null       | cap-templates.INCIDENT.0.title: is required
			- title: Incident acknowledged to the customer | - title: Acknowledged\\n      colour: red | cap-templates.INCIDENT[0].colour
			owner: SUPPORT_LEAD\\n      offset: { amount: 2, unit: HOURS } | offset: { amount: 2, unit: HOURS } | cap-templates.INCIDENT.0.owner: is required
			  INCIDENT:\\n    - title: Incident | INCIDENT_RESPONSE:\\n    - title: Incident | cap-templates: Cannot deserialize Map key of type `io.riskdesk.playbook.RiskCategory` from String "INCIDENT_RESPONSE"
			""")
	void refusesABadCapTemplateNamingItsKey(String shippedText, String badText, String expectedProblem) {
		String shippedYaml = shippedText.replace("\\n", "\n");
		assertThat(shipped()).contains(shippedYaml);
		assertInvalid(shipped().replaceFirst(java.util.regex.Pattern.quote(shippedYaml),
				java.util.regex.Matcher.quoteReplacement(badText.replace("\\n", "\n"))), expectedProblem);
	}

	@Test
	void refusesAnEmptyTemplateAndAMissingSection() {
		assertInvalid(shipped().replaceFirst("(?s)\n  SENTIMENT:\n    - title: Listening call.*?amount: 30, unit: BUSINESS_DAYS }\n",
				"\n  SENTIMENT: []\n"), "cap-templates.SENTIMENT: is required");
		assertInvalid(shipped().replaceFirst("(?s)\ncap-templates:\n.*?\n\n", "\n\n"), "cap-templates: is required");
	}

	@Test
	void theVersionIsTheHashOfTheFileBytes() throws Exception {
		PlaybookLoader.Loaded shipped = loader.loadWithVersion(new ClassPathResource("playbook.yml"));
		PlaybookLoader.Loaded edited = loader.loadWithVersion(new ByteArrayResource(
				(shipped() + "\n# a comment changes the version\n").getBytes(StandardCharsets.UTF_8), "edited"));

		assertThat(shipped.version().sha256()).isEqualTo(HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(new ClassPathResource("playbook.yml").getContentAsByteArray())));
		assertThat(edited.version()).isNotEqualTo(shipped.version());
		assertThat(edited.playbook()).isEqualTo(shipped.playbook());
	}

	@Test
	void reportsAMissingFile() {
		assertThatThrownBy(() -> loader.load(new FileSystemResource("/nonexistent/playbook.yml")))
			.isInstanceOf(InvalidPlaybookException.class)
			.hasMessageContaining("file not found");
	}

	private void assertInvalid(String yaml, String expectedProblem) {
		assertThatThrownBy(() -> loader.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test playbook")))
			.isInstanceOf(InvalidPlaybookException.class)
			.satisfies(ex -> assertThat(((InvalidPlaybookException) ex).problems())
				.anySatisfy(problem -> assertThat(problem).contains(expectedProblem)));
	}

	private Playbook load(String yaml) {
		return loader.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test playbook"));
	}

	private static String shipped() {
		try {
			return new ClassPathResource("playbook.yml").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
