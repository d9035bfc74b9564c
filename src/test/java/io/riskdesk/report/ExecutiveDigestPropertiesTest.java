package io.riskdesk.report;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code riskdesk.reports.executive-digest.*} bound as at start-up: a wrong value stops it, naming the property. */
class ExecutiveDigestPropertiesTest {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withUserConfiguration(DigestPropertiesOnly.class);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties(ExecutiveDigestProperties.class)
	static class DigestPropertiesOnly {

	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', textBlock = """
			recipients=ceo@example.com,not an address | riskdesk.reports.executive-digest.recipients[1] is no e-mail address: 'not an address'
			enabled=true                               | riskdesk.reports.executive-digest.recipients must name at least one e-mail address when riskdesk.reports.executive-digest.enabled is true
			day=FUNDAY                                 | riskdesk.reports.executive-digest.day must be a day of the week such as MONDAY, not 'FUNDAY'
			zone=Mars/Olympus                          | riskdesk.reports.executive-digest.zone must be a time zone such as Europe/Zurich, not 'Mars/Olympus'
			time=25:00                                 | riskdesk.reports.executive-digest.time
			""")
	void aWrongValueStopsTheStartNamingTheProperty(String property, String message) {
		context.withPropertyValues("riskdesk.reports.executive-digest." + property)
			.run(started -> assertThat(started).hasFailed()
				.getFailure()
				.hasStackTraceContaining(message));
	}

	@Test
	void aValidDigestBindsItsDayTimeAndZoneIntoTheWeeklySchedule() {
		context.withPropertyValues("riskdesk.reports.executive-digest.enabled=true",
				"riskdesk.reports.executive-digest.recipients=ceo@example.com, cro@example.com",
				"riskdesk.reports.executive-digest.day=friday", "riskdesk.reports.executive-digest.time=18:30",
				"riskdesk.reports.executive-digest.zone=Europe/Zurich")
			.run(started -> {
				ExecutiveDigestProperties digest = started.getBean(ExecutiveDigestProperties.class);
				assertThat(digest.recipients()).containsExactly("ceo@example.com", "cro@example.com");
				assertThat(digest.dayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
				assertThat(digest.time()).isEqualTo(LocalTime.of(18, 30));
				CronSchedule schedule = ExecutiveDigestSchedule.schedule(digest);
				assertThat(schedule.getPattern()).isEqualTo("0 30 18 * * FRI");
				assertThat(schedule.getZoneId()).isEqualTo(ZoneId.of("Europe/Zurich"));
				assertThat(schedule.isDisabled()).isFalse();
			});
	}

	@Test
	void byDefaultTheDigestIsOffWithNoRecipientsMondayAtSevenUtc() {
		context.run(started -> {
			ExecutiveDigestProperties digest = started.getBean(ExecutiveDigestProperties.class);
			assertThat(digest.enabled()).isFalse();
			assertThat(digest.recipients()).isEmpty();
			assertThat(digest.dayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
			assertThat(digest.time()).isEqualTo(LocalTime.of(7, 0));
			assertThat(digest.zoneId()).isEqualTo(ZoneId.of("UTC"));
			assertThat(ExecutiveDigestSchedule.schedule(digest).isDisabled()).as("off: nothing runs").isTrue();
		});
	}

}
