package io.riskdesk.demo;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.riskdesk.RiskdeskApplication;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo loads whatever the year: the seed escalations' dates move next to the application's
 * today, keeping their order, their distances and their weekdays. Each run is a fresh application
 * on its own embedded database, its clock running from the given instant.
 */
class DemoDatesTest {

	record Seed(String account, Instant detectedAt, LocalDate renewal) {
	}

	@ParameterizedTest
	@ValueSource(strings = { "2031-06-02T09:00:00Z", "2026-03-02T09:00:00Z" })
	void theSeedEscalationsLoadNextToToday(String now) {
		Instant start = Instant.parse(now);
		Clock clock = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
		// A second Clock bean, primary: the application's own stays but is not the one injected.
		ApplicationContextInitializer<GenericApplicationContext> clockFromTheTest = context -> context
			.registerBean("testClock", Clock.class, () -> clock, definition -> definition.setPrimary(true));
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RiskdeskApplication.class)
			.initializers(clockFromTheTest)
			.profiles("test")
			.run("--server.port=0")) {
			List<Seed> seeds = app.getBean(JdbcClient.class).sql("""
					select a.name, r.detected_at, a.renewal_date from risk r join account a on a.id = r.account_id
					where r.source = 'IMPORT' order by r.detected_at""")
				.query((rs, n) -> new Seed(rs.getString(1), rs.getTimestamp(2).toInstant(),
						rs.getObject(3, LocalDate.class)))
				.list();
			LocalDate today = LocalDate.ofInstant(start, ZoneOffset.UTC);

			assertThat(seeds).extracting(Seed::account)
				.containsExactly("ABC Corp", "TechCorp Solutions", "GlobalTech Industries", "TechCorp Enterprises");
			Seed newest = seeds.get(3);
			assertThat(LocalDate.ofInstant(newest.detectedAt(), ZoneOffset.UTC)).isBetween(today.minusDays(8),
					today.minusDays(2));
			// The email of 2025-12-05 (a Friday, 14:00 UTC) gives notice for 2026-02-28: 85 days later.
			assertThat(newest.detectedAt().atZone(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.FRIDAY);
			assertThat(newest.detectedAt().atZone(ZoneOffset.UTC).getHour()).isEqualTo(14);
			assertThat(ChronoUnit.DAYS.between(LocalDate.ofInstant(newest.detectedAt(), ZoneOffset.UTC),
					newest.renewal())).isEqualTo(85);
			// ABC Corp's notes (2025-09-27) came 69 days before the email.
			assertThat(Duration.between(seeds.get(0).detectedAt(), newest.detectedAt()).toDays()).isEqualTo(69);
		}
	}

}
