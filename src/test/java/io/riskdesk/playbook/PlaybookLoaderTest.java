package io.riskdesk.playbook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

		assertThat(playbook.detection().adoption().dropPercent()).isEqualTo(30);
		assertThat(playbook.detection().adoption().collapsePercent()).isEqualTo(40);
		assertThat(playbook.detection().adoption().collapseWindowDays()).isEqualTo(14);
		assertThat(playbook.detection().support().sev1Tickets()).isEqualTo(2);
		assertThat(playbook.detection().support().windowDays()).isEqualTo(30);
		assertThat(playbook.detection().sentiment().npsAtOrBelow()).isEqualTo(6);
		assertThat(playbook.detection().renewal().blockerDays()).isEqualTo(30);

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
		assertInvalid(shipped().replace("nps-at-or-below: 6", "nps-at-or-below: 11"),
				"detection.sentiment.nps-at-or-below: must be less than or equal to 10");
		assertInvalid(shipped().replace("    cadence-label: Weekly\n", ""),
				"escalation-matrix.S2.cadence-label: is required");
		assertInvalid(shipped().replace("collapse-percent: 40", "collapse-percent: 20"),
				"detection.adoption.collapse-percent: must be greater than drop-percent");
		assertInvalid(shipped().replace("window: PT24H", "window: PT24H\n  colour: red"), "triage.colour");
		assertInvalid(shipped().replace("    definition: Meaningful impact, manageable with plan\n", "    definition: ' '\n"),
				"severities.S2.definition: is required");
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

	private static String shipped() {
		try {
			return new ClassPathResource("playbook.yml").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
