package io.riskdesk.sla;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HolidaysTest {

	private final Holidays holidays = new Holidays();

	@Test
	void holidaysOfManyCountriesAreMadeAtOnce() throws Exception {
		List<String> countries = List.of("US", "GB", "JP", "DE", "FR", "CA", "AU", "CH", "NL", "IT", "ES", "BR");
		java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(countries.size());
		java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(countries.size());
		try {
			Holidays fresh = new Holidays();
			List<java.util.concurrent.Future<Boolean>> answers = countries.stream()
				.map(country -> threads.submit(() -> {
					together.await();
					return fresh.of(country, null).test(LocalDate.of(2026, 12, 25));
				}))
				.toList();
			for (java.util.concurrent.Future<Boolean> answer : answers) {
				assertThat(answer.get()).isNotNull();
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void knowsTheHolidaysOfTheUnitedStates() {
		assertThat(holidays.of("US", null))
			.accepts(LocalDate.of(2026, 11, 26), LocalDate.of(2026, 12, 25), LocalDate.of(2026, 7, 3))
			.rejects(LocalDate.of(2026, 11, 27), LocalDate.of(2026, 7, 4));
	}

	@Test
	void takesTheDayAHolidayIsObservedOnEvenInTheYearBefore() {
		assertThat(holidays.of("us", null)).accepts(LocalDate.of(2027, 12, 31)).rejects(LocalDate.of(2028, 1, 1));
	}

	@Test
	void knowsTheHolidaysOfBritainAndJapan() {
		assertThat(holidays.of("GB", null))
			.accepts(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28))
			.rejects(LocalDate.of(2026, 12, 26));
		assertThat(holidays.of("JP", null)).accepts(LocalDate.of(2026, 11, 3), LocalDate.of(2026, 11, 23));
	}

	@Test
	void addsTheHolidaysOfARegion() {
		assertThat(holidays.of("GB", null)).rejects(LocalDate.of(2026, 8, 31));
		assertThat(holidays.of("GB", "eng")).accepts(LocalDate.of(2026, 8, 31), LocalDate.of(2026, 12, 25));
	}

	@Test
	void refusesAnUnknownCountryOrRegion() {
		assertThatIllegalArgumentException().isThrownBy(() -> holidays.of("XX", null))
			.withMessage("Unknown holiday country 'XX': jollyday has no calendar for it");
		assertThatIllegalArgumentException().isThrownBy(() -> holidays.of("GB", "atlantis"))
			.withMessageStartingWith("Unknown holiday region 'atlantis' of GB");
	}

}
