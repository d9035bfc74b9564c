package io.riskdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import io.riskdesk.playbook.CalendarSpec.Window;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.Severity;
import io.riskdesk.playbook.SlaTarget;
import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static io.riskdesk.sla.TestCalendars.EVERY_DAY;
import static io.riskdesk.sla.TestCalendars.MONDAY_TO_FRIDAY;
import static io.riskdesk.sla.TestCalendars.week;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A higher severity is never due later than a lower one: for any start instant, calendar and
 * playbook, due(S0) ≤ due(S1) ≤ due(S2) ≤ due(S3) for every clock whose target depends on the
 * severity. A fixed seed makes every run the same; a failure names its case.
 */
class SeverityOrderPropertiesTest {

	private static final Playbook PLAYBOOK = new PlaybookLoader(
			Validation.buildDefaultValidatorFactory().getValidator()).load(new ClassPathResource("playbook.yml"));

	private static final Map<ClockKind, Function<Severity, SlaTarget>> SHIPPED = Map.of(
			ClockKind.FIRST_RESPONSE, severity -> PLAYBOOK.severity(severity).firstResponse(),
			ClockKind.NOTIFICATION, severity -> PLAYBOOK.matrix(severity).notification());

	private static final List<Map<DayOfWeek, List<Window>>> WEEKS = List.of(week(MONDAY_TO_FRIDAY, "09:00-17:00"),
			week(MONDAY_TO_FRIDAY, "09:00-12:00", "13:00-17:00"),
			week(EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
					DayOfWeek.THURSDAY), "08:00-16:00"),
			week(EVERY_DAY, "01:00-02:30", "03:00-04:00"));

	private static final List<String> ZONES = List.of("America/New_York", "Europe/London", "Asia/Tokyo",
			"Australia/Sydney", "UTC");

	private final Random random = new Random(20261129L);

	@Test
	void theShippedPlaybookNeverDuesAHigherSeverityLater() {
		for (int i = 0; i < 3000; i++) {
			BusinessCalendar calendar = randomCalendar();
			Instant start = randomInstant();
			SHIPPED.forEach((kind, targets) -> assertOrdered(new SlaTargets(targets), calendar, start, kind.name()));
		}
	}

	@Test
	void anyPlaybookNeverDuesAHigherSeverityLater() {
		for (int i = 0; i < 3000; i++) {
			Map<Severity, SlaTarget> targets = new EnumMap<>(Severity.class);
			for (Severity severity : Severity.values()) {
				SlaTarget.Unit unit = SlaTarget.Unit.values()[random.nextInt(SlaTarget.Unit.values().length)];
				targets.put(severity, new SlaTarget(unit == SlaTarget.Unit.SAME_DAY ? 0 : 1 + random.nextInt(48), unit));
			}
			assertOrdered(new SlaTargets(targets::get), randomCalendar(), randomInstant(), targets.toString());
		}
	}

	/** The case a CS manager hit: S0 logged on a Saturday evening was due to notify on Monday, S1 on Sunday. */
	@Test
	void anS0LoggedOnASaturdayNotifiesNoLaterThanAnS1() {
		BusinessCalendar newYork = new BusinessCalendar(ZoneId.of("America/New_York"), week(MONDAY_TO_FRIDAY, "09:00-17:00"),
				TestCalendars.holidays("US"));
		Instant saturday = Instant.parse("2026-11-28T22:30:00Z");
		SlaTargets notification = new SlaTargets(SHIPPED.get(ClockKind.NOTIFICATION));

		SlaTargets.Target s0 = notification.of(Severity.S0, newYork, saturday);

		assertThat(s0.dueAt()).isEqualTo(Instant.parse("2026-11-29T02:30:00Z"))
			.isEqualTo(notification.of(Severity.S1, newYork, saturday).dueAt());
		assertThat(s0.businessTime()).isFalse();
		assertThat(s0.label()).isEqualTo("S0: same business day, at most S1: 4 h");
		// Late on a working day the end of the day comes before S1's 4 hours: its own target stands.
		SlaTargets.Target monday = notification.of(Severity.S0, newYork, Instant.parse("2026-11-30T20:00:00Z"));
		assertThat(monday.label()).isEqualTo("S0: same business day");
		assertThat(monday.dueAt()).isEqualTo(Instant.parse("2026-11-30T22:00:00Z"));
	}

	private static void assertOrdered(SlaTargets targets, BusinessCalendar calendar, Instant start, String what) {
		Instant previous = Instant.MIN;
		for (Severity severity : Severity.values()) {
			Instant due = targets.of(severity, calendar, start).dueAt();
			assertThat(due).as("%s %s from %s", what, severity, start).isAfterOrEqualTo(previous);
			previous = due;
		}
	}

	private BusinessCalendar randomCalendar() {
		return new BusinessCalendar(ZoneId.of(ZONES.get(random.nextInt(ZONES.size()))),
				WEEKS.get(random.nextInt(WEEKS.size())), TestCalendars.holidays(random.nextBoolean() ? "US" : "GB"));
	}

	/** Any minute of 2026-2027, often with seconds. */
	private Instant randomInstant() {
		Instant t = Instant.parse("2026-01-01T00:00:00Z").plus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60)));
		return random.nextBoolean() ? t : t.plusNanos(random.nextLong(60_000_000_000L));
	}

}
