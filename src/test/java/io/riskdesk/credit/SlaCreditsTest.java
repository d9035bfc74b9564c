package io.riskdesk.credit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import io.riskdesk.account.Money;
import io.riskdesk.core.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The credit arithmetic on cases computed by hand (the figures in the comments). */
class SlaCreditsTest {

	private static final LocalDate NOV_1 = LocalDate.parse("2025-11-01");

	private static final List<SlaCreditRequest.Tier> TIERS = List.of(tier("99.9", "10"), tier("99", "25"),
			tier("95", "50"));

	private final SlaCredits credits = new SlaCredits();

	/**
	 * GlobalTech: 48 hours down (2,880 minutes) against 99.9%. Not "0.14% downtime, within contractual
	 * limits": 6.67% of a 30-day month (43,200 min), 2.17% of a 92-day quarter (132,480 min), 0.55% of a
	 * 365-day year (525,600 min), a breach in every period.
	 */
	@ParameterizedTest
	@CsvSource(textBlock = """
			MONTH,   43200,  93.3333, 6.6667%, 50, 50000.00
			QUARTER, 132480, 97.8260, 2.1739%, 25, 25000.00
			YEAR,    525600, 99.4520, 0.5479%, 10, 10000.00
			""")
	void theGlobalTechOutageBreachesEveryPeriod(MeasurementPeriod period, long minutes, String achieved,
			String downtimeShare, String creditPercent, String credit) {
		SlaCreditResult result = credits.calculate(request(period, "100", List.of(allUsers("2025-11-03T00:00:00Z",
				"2025-11-05T00:00:00Z"))));

		assertThat(result.periodMinutes()).isEqualTo(minutes);
		assertThat(result.downtimeMinutes()).isEqualByComparingTo("2880");
		assertThat(result.achievedPercent()).isEqualByComparingTo(achieved);
		assertThat(result.met()).isFalse();
		assertThat(result.creditPercent()).isEqualByComparingTo(creditPercent);
		assertThat(result.credit()).isEqualTo(new Money(new BigDecimal(credit), Currency.getInstance("USD")));
		assertThat(result.capped()).isFalse();
		assertThat(result.steps()).anySatisfy(step -> assertThat(step).contains("downtime " + downtimeShare + " of the period"))
			.anySatisfy(step -> assertThat(step).isEqualTo("Target 99.9%: breached."))
			.last()
			.isEqualTo("Credit: " + creditPercent + "% of USD 100,000.00 = USD " + String.format("%,.2f", new BigDecimal(credit)) + ".");
	}

	@Test
	void aYearIsItsCalendarLengthFromItsFirstDay() {
		// 2027-03-01 to 2028-03-01 holds 2028-02-29: 366 days.
		SlaCreditResult leap = credits.calculate(new SlaCreditRequest(new BigDecimal("99.9"), MeasurementPeriod.YEAR,
				LocalDate.parse("2027-03-01"), usd("1000"), TIERS, new BigDecimal("100"), List.of()));

		assertThat(leap.periodMinutes()).isEqualTo(366 * 1440);
		assertThat(leap.met()).isTrue();
		assertThat(leap.credit().amount()).isEqualByComparingTo("0");
		assertThat(leap.steps()).contains("No tier applies: the uptime is under no tier's threshold; no credit.");
	}

	@Test
	void theCapCutsTheTiersPercentage() {
		// Month: 93.33% is under 95% -> 50%, above the cap of 30% -> 30% of 100,000.
		SlaCreditResult result = credits.calculate(request(MeasurementPeriod.MONTH, "30",
				List.of(allUsers("2025-11-03T00:00:00Z", "2025-11-05T00:00:00Z"))));

		assertThat(result.capped()).isTrue();
		assertThat(result.creditPercent()).isEqualByComparingTo("30");
		assertThat(result.credit().amount()).isEqualByComparingTo("30000.00");
		assertThat(result.steps()).contains("Cap: 50% is above the cap of 30%; 30% is credited.");
	}

	@Test
	void aPartialOutageCountsItsShareOfUsers() {
		// 10 hours at weight 0.5: 300 minutes; (43,200 - 300) / 43,200 = 99.30555..% -> under 99.9% -> 10%.
		SlaCreditResult result = credits.calculate(request(MeasurementPeriod.MONTH, "100", List.of(
				new SlaCreditRequest.Outage(Instant.parse("2025-11-10T08:00:00Z"), Instant.parse("2025-11-10T18:00:00Z"),
						OutageScope.PARTIAL, new BigDecimal("0.5")))));

		assertThat(result.downtimeMinutes()).isEqualByComparingTo("300");
		assertThat(result.achievedPercent()).isEqualByComparingTo("99.3055");
		assertThat(result.creditPercent()).isEqualByComparingTo("10");
		assertThat(result.credit().amount()).isEqualByComparingTo("10000.00");
	}

	@Test
	void anOutageCrossingThePeriodsEdgeCountsOnlyItsPartInside() {
		// 20:00 on Oct 31 to 04:00 on Nov 1: 4 of its 8 hours are in November's period.
		SlaCreditResult result = credits.calculate(request(MeasurementPeriod.MONTH, "100",
				List.of(allUsers("2025-10-31T20:00:00Z", "2025-11-01T04:00:00Z"),
						allUsers("2025-12-01T00:00:00Z", "2025-12-01T05:00:00Z"))));

		assertThat(result.downtimeMinutes()).isEqualByComparingTo("240");
		assertThat(result.achievedPercent()).isEqualByComparingTo("99.4444");
		assertThat(result.steps()).anySatisfy(step -> assertThat(step).contains("240 minutes in the period (clipped to the period from 480)"))
			.anySatisfy(step -> assertThat(step).startsWith("Outage 2").endsWith("outside the period, not counted."));
	}

	@Test
	void overlappingOutagesCountEachMomentOnceAtTheHighestWeight() {
		// 00:00-10:00 all users and 05:00-15:00 half of them: 600 minutes at 1, then 300 at 0.5 = 750 (not 900).
		SlaCreditResult result = credits.calculate(request(MeasurementPeriod.MONTH, "100",
				List.of(allUsers("2025-11-10T00:00:00Z", "2025-11-10T10:00:00Z"),
						new SlaCreditRequest.Outage(Instant.parse("2025-11-10T05:00:00Z"),
								Instant.parse("2025-11-10T15:00:00Z"), OutageScope.PARTIAL, new BigDecimal("0.5")))));

		assertThat(result.downtimeMinutes()).isEqualByComparingTo("750");
	}

	@Test
	void theTargetItselfIsMet() {
		// 43.2 minutes is exactly 0.1% of 43,200: 99.9% achieved is not under 99.9%.
		SlaCreditResult exact = credits.calculate(request(MeasurementPeriod.MONTH, "100",
				List.of(allUsers("2025-11-10T00:00:00Z", "2025-11-10T00:43:12Z"))));
		SlaCreditResult oneSecondMore = credits.calculate(request(MeasurementPeriod.MONTH, "100",
				List.of(allUsers("2025-11-10T00:00:00Z", "2025-11-10T00:43:13Z"))));

		assertThat(exact.achievedPercent()).isEqualByComparingTo("99.9");
		assertThat(exact.met()).isTrue();
		assertThat(exact.credit().amount()).isEqualByComparingTo("0");
		assertThat(oneSecondMore.achievedPercent()).isEqualByComparingTo("99.8999");
		assertThat(oneSecondMore.met()).isFalse();
		assertThat(oneSecondMore.creditPercent()).isEqualByComparingTo("10");
	}

	@Test
	void refusesWhatTheAnnotationsCannotSayNamingTheField() {
		assertRefused(request(MeasurementPeriod.MONTH, "100", List.of(allUsers("2025-11-10T10:00:00Z", "2025-11-10T10:00:00Z"))),
				"outages[0].end");
		assertRefused(request(MeasurementPeriod.MONTH, "100", List.of(new SlaCreditRequest.Outage(
				Instant.parse("2025-11-10T00:00:00Z"), Instant.parse("2025-11-10T01:00:00Z"), OutageScope.PARTIAL, null))),
				"outages[0].weight");
		assertRefused(request(MeasurementPeriod.MONTH, "100", List.of(new SlaCreditRequest.Outage(
				Instant.parse("2025-11-10T00:00:00Z"), Instant.parse("2025-11-10T01:00:00Z"), OutageScope.ALL_USERS,
				new BigDecimal("0.5")))), "outages[0].weight");
		assertRefused(new SlaCreditRequest(new BigDecimal("99.9"), MeasurementPeriod.MONTH, NOV_1, usd("1000"),
				List.of(tier("99.95", "10")), BigDecimal.TEN, List.of()), "tiers[0].belowPercent");
		assertRefused(new SlaCreditRequest(new BigDecimal("99.9"), MeasurementPeriod.MONTH, NOV_1, usd("1000"),
				List.of(tier("99", "10"), tier("99.00", "20")), BigDecimal.TEN, List.of()), "tiers[1].belowPercent");
		assertRefused(new SlaCreditRequest(new BigDecimal("99.9"), MeasurementPeriod.MONTH, NOV_1, usd("0"), TIERS,
				BigDecimal.TEN, List.of()), "periodFees.amount");
	}

	private void assertRefused(SlaCreditRequest request, String field) {
		assertThatThrownBy(() -> credits.calculate(request)).isInstanceOf(InvalidFieldException.class)
			.extracting(ex -> ((InvalidFieldException) ex).field())
			.isEqualTo(field);
	}

	private static SlaCreditRequest request(MeasurementPeriod period, String cap, List<SlaCreditRequest.Outage> outages) {
		return new SlaCreditRequest(new BigDecimal("99.9"), period, NOV_1, usd("100000"), TIERS, new BigDecimal(cap),
				outages);
	}

	private static SlaCreditRequest.Outage allUsers(String start, String end) {
		return new SlaCreditRequest.Outage(Instant.parse(start), Instant.parse(end), OutageScope.ALL_USERS, null);
	}

	private static SlaCreditRequest.Tier tier(String below, String credit) {
		return new SlaCreditRequest.Tier(new BigDecimal(below), new BigDecimal(credit));
	}

	private static Money usd(String amount) {
		return new Money(new BigDecimal(amount), Currency.getInstance("USD"));
	}

}
