package io.riskdesk.sla;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.internal.PlaybookLoader;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class BusinessCalendarsTest {

	private static final ValidatorFactory validation = Validation.buildDefaultValidatorFactory();

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private final BusinessCalendars calendars = new BusinessCalendars(playbookWith("""
			  tokyo-support:
			    hours:
			      MONDAY: ["09:00-17:00"]
			      TUESDAY: ["09:00-17:00"]
			    holiday-country: JP
			    closures: [2026-12-01]
			"""));

	@AfterAll
	static void close() {
		validation.close();
	}

	@Test
	void theDefaultCalendarTakesTheHolidaysOfTheAccountsCountry() {
		Instant christmasEveAfternoon = Instant.parse("2026-12-24T16:00:00Z");

		assertThat(calendars.forAccount(null, LONDON, "GB").plus(christmasEveAfternoon, Duration.ofHours(4)))
			.isEqualTo(Instant.parse("2026-12-29T12:00:00Z"));
		assertThat(calendars.forAccount(null, LONDON, "US").plus(christmasEveAfternoon, Duration.ofHours(4)))
			.isEqualTo(Instant.parse("2026-12-28T12:00:00Z"));
	}

	@Test
	void anAccountWithoutCountryGetsTheHolidaysOfTheUnitedStates() {
		Instant thanksgiving = Instant.parse("2026-11-26T15:00:00Z");

		assertThat(calendars.forAccount(Playbook.DEFAULT_CALENDAR, NEW_YORK, null).nextBusinessMoment(thanksgiving))
			.isEqualTo(Instant.parse("2026-11-27T14:00:00Z"));
	}

	@Test
	void aCalendarsOwnHolidaysAndClosuresWin() {
		BusinessCalendar tokyo = calendars.forAccount("tokyo-support", NEW_YORK, "US");

		// Monday 2026-11-23 is a holiday in Japan, Tuesday 2026-12-01 a closure; it works Mondays and Tuesdays only.
		assertThat(tokyo.nextBusinessMoment(Instant.parse("2026-11-23T15:00:00Z")))
			.isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
		assertThat(tokyo.nextBusinessMoment(Instant.parse("2026-11-30T22:00:00Z")))
			.isEqualTo(Instant.parse("2026-12-07T14:00:00Z"));
	}

	@Test
	void buildsEachCalendarOnce() {
		assertThat(calendars.forAccount(null, NEW_YORK, "us")).isSameAs(calendars.forAccount("default", NEW_YORK, "US"))
			.isNotSameAs(calendars.forAccount(null, LONDON, "US"));
	}

	@Test
	void refusesAnUnknownCalendarAndAPlaybookCountryJollydayDoesNotKnow() {
		assertThatIllegalArgumentException().isThrownBy(() -> calendars.forAccount("emea", NEW_YORK, "US"))
			.withMessageContaining("'emea'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BusinessCalendars(playbookWith("""
					  atlantis:
					    hours: { MONDAY: ["09:00-17:00"] }
					    holiday-country: XX
					""")))
			.withMessageContaining("'XX'");
	}

	@Test
	void anAccountCountryJollydayDoesNotKnowHasNoPublicHolidays() {
		// 2026-12-25 is a Friday: a working day where no holidays are known.
		BusinessCalendar calendar = calendars.forAccount(null, NEW_YORK, "XX");
		Instant christmasMorning = Instant.parse("2026-12-25T14:00:00Z");
		assertThat(calendar.nextBusinessMoment(christmasMorning)).isEqualTo(christmasMorning);
	}

	private static Playbook playbookWith(String calendar) {
		try {
			String shipped = new ClassPathResource("playbook.yml").getContentAsString(StandardCharsets.UTF_8);
			byte[] yaml = (shipped + calendar).getBytes(StandardCharsets.UTF_8);
			return new PlaybookLoader(validation.getValidator()).load(new ByteArrayResource(yaml, "test playbook"));
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
