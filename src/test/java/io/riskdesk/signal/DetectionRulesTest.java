package io.riskdesk.signal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Every rule at, just below and just above its threshold on crafted telemetry, as of
 * 2026-03-31 (a Tuesday), with the playbook's default thresholds.
 */
@RiskdeskTest
class DetectionRulesTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

	@Autowired
	DetectionRules rules;

	@Autowired
	Playbook playbook;

	@Autowired
	JdbcClient jdbc;

	DetectionTestData data;

	DetectionPolicy policy;

	@BeforeEach
	void setUp() {
		data = new DetectionTestData(jdbc);
		policy = playbook.detection();
	}

	List<Finding> findings(long account) {
		return rules.findings(policy, AS_OF, List.of(account));
	}

	Optional<Finding> finding(long account, String ruleId) {
		return findings(account).stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
	}

	static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

	@Nested
	class Adoption {

		@ParameterizedTest(name = "WAU {0} -> {1} over 30 days fires: {2}")
		@CsvSource({ "100, 70, false", "100, 69, true", "100, 71, false", "9, 0, false", "10, 6, true", "1000, 700, false",
				"1000, 699, true" })
		void usageDropOfWauIsMoreThan30PercentFromAtLeastTheFloor(int before, int after, boolean fires) {
			long account = data.account();
			data.usage(account, AS_OF.minusDays(30), before, 5000);
			data.usage(account, AS_OF, after, 5000);

			assertThat(finding(account, DetectionPolicy.USAGE_DROP).isPresent()).isEqualTo(fires);
		}

		@ParameterizedTest(name = "MAU {0} -> {1} over 30 days fires: {2}")
		@CsvSource({ "2000, 1400, false", "2000, 1399, true", "9, 1, false" })
		void usageDropOfMau(int before, int after, boolean fires) {
			long account = data.account();
			data.usage(account, AS_OF.minusDays(30), 50, before);
			data.usage(account, AS_OF, 50, after);

			assertThat(finding(account, DetectionPolicy.USAGE_DROP).isPresent()).isEqualTo(fires);
		}

		@Test
		void usageDropExplainsBothMetricsAndNamesTheRows() {
			long account = data.account();
			data.usage(account, AS_OF.minusDays(30), 1120, 2400);
			data.usage(account, AS_OF, 616, 1500);

			Finding finding = finding(account, DetectionPolicy.USAGE_DROP).orElseThrow();
			assertThat(finding.explanation()).isEqualTo("WAU 616 on 2026-03-31 vs 1,120 on 2026-03-01: −45.0% > 30%; "
					+ "MAU 1,500 on 2026-03-31 vs 2,400 on 2026-03-01: −37.5% > 30%");
			assertThat(finding.recordIds()).containsExactly("usage 2026-03-31", "usage 2026-03-01");
			assertThat(finding.firedOn()).isEqualTo(AS_OF);
			assertThat(finding.category()).isEqualTo(RiskCategory.ADOPTION);
			assertThat(finding.severity()).isEqualTo(Severity.S2);
			assertThat(finding.measured()).containsEntry("wau", 616L).containsEntry("earlierWau", 1120L)
				.containsEntry("earlierDay", "2026-03-01");
			assertThat(finding.threshold()).contains("more than 30%");
		}

		@Test
		void comparesTheLatestDayOnOrBeforeAsOfWithExactlyTheDayTheWindowNames() {
			long account = data.account();
			data.usage(account, LocalDate.of(2026, 2, 28), 1000, 5000);
			data.usage(account, LocalDate.of(2026, 3, 2), 1000, 5000);
			data.usage(account, LocalDate.of(2026, 3, 30), 500, 5000);
			data.usage(account, LocalDate.of(2026, 4, 1), 10, 5000); // after as-of: ignored

			assertThat(finding(account, DetectionPolicy.USAGE_DROP).orElseThrow().explanation())
				.startsWith("WAU 500 on 2026-03-30 vs 1,000 on 2026-02-28: −50.0% > 30%");

			long gap = data.account();
			data.usage(gap, LocalDate.of(2026, 2, 28), 1000, 5000);
			data.usage(gap, LocalDate.of(2026, 3, 2), 1000, 5000);
			data.usage(gap, AS_OF, 500, 5000);
			assertThat(findings(gap)).as("no row exactly 30 days before 2026-03-31").isEmpty();
		}

		@ParameterizedTest(name = "WAU {0} -> {1} over 14 days is a collapse: {2}")
		@CsvSource({ "100, 60, false", "100, 59, true", "9, 0, false", "10, 5, true" })
		void adoptionCollapseIsMoreThan40PercentIn14Days(int before, int after, boolean fires) {
			long account = data.account();
			data.usage(account, AS_OF.minusDays(14), before, 5000);
			data.usage(account, AS_OF, after, 5000);

			assertThat(finding(account, DetectionPolicy.ADOPTION_COLLAPSE).isPresent()).isEqualTo(fires);
		}

		@Test
		void aCollapseReadsAsThePlaybookSaysIt() {
			long account = data.account();
			data.usage(account, AS_OF.minusDays(14), 1120, 5000);
			data.usage(account, AS_OF, 616, 5000);

			Finding collapse = finding(account, DetectionPolicy.ADOPTION_COLLAPSE).orElseThrow();
			assertThat(collapse.explanation()).isEqualTo("WAU 616 on 2026-03-31 vs 1,120 on 2026-03-17: −45.0% > 40%");
			assertThat(collapse.baseSeverity()).isEqualTo(Severity.S1);
			assertThat(collapse.severity()).isEqualTo(Severity.S1);
			assertThat(collapse.modifiers()).isEmpty();
			assertThat(Finding.suggestedSeverity(findings(account))).contains(Severity.S1);
		}

		/** Complete weeks as of Tuesday 2026-03-31: those of Monday 2026-03-16 and 2026-03-23. */
		@ParameterizedTest(name = "dashboards/analyst {0} then {1} (target 5) fires: {2}")
		@CsvSource({ "4, 4, true", "5, 4, false", "4, 5, false", "0, 0, true", "5, 5, false" })
		void personaUnderuseIsBelowTargetTwoCompleteWeeksRunning(int first, int second, boolean fires) {
			policy = withTarget(policy, new DetectionPolicy.Target("dashboards", "analyst", 5));
			long account = data.account();
			data.featureUsage(account, LocalDate.of(2026, 3, 16), "dashboards", "analyst", first);
			data.featureUsage(account, LocalDate.of(2026, 3, 23), "dashboards", "analyst", second);
			data.featureUsage(account, LocalDate.of(2026, 3, 30), "dashboards", "analyst", 50); // week not complete

			assertThat(finding(account, DetectionPolicy.PERSONA_UNDERUSE).isPresent()).isEqualTo(fires);
		}

		@Test
		void aPairMissingFromAReportedWeekCountsAsZeroButAnUnreportedWeekIsNoEvidence() {
			policy = withTarget(policy, new DetectionPolicy.Target("dashboards", "analyst", 5));
			long reported = data.account();
			data.featureUsage(reported, LocalDate.of(2026, 3, 16), "reports", "manager", 9);
			data.featureUsage(reported, LocalDate.of(2026, 3, 23), "dashboards", "analyst", 3);
			long silent = data.account();
			data.featureUsage(silent, LocalDate.of(2026, 3, 23), "dashboards", "analyst", 3);

			Finding finding = finding(reported, DetectionPolicy.PERSONA_UNDERUSE).orElseThrow();
			assertThat(finding.explanation()).isEqualTo(
					"dashboards by analyst: 0 in the week of 2026-03-16, 3 in the week of 2026-03-23 < target 5 a week");
			assertThat(finding.recordIds()).containsExactly("feature usage 2026-03-23 dashboards/analyst");
			assertThat(finding.firedOn()).isEqualTo(LocalDate.of(2026, 3, 23));
			assertThat(finding.threshold()).isEqualTo("a feature's weekly users by a persona below its target 2 complete "
					+ "weeks running (targets: dashboards by analyst 5 a week)");
			assertThat(finding(silent, DetectionPolicy.PERSONA_UNDERUSE)).isEmpty();
		}

		@Test
		void noTargetsNoPersonaFindings() {
			long account = data.account();
			data.featureUsage(account, LocalDate.of(2026, 3, 16), "dashboards", "analyst", 0);
			data.featureUsage(account, LocalDate.of(2026, 3, 23), "dashboards", "analyst", 0);

			assertThat(policy.adoption().personaUnderuse().targets()).isEmpty();
			assertThat(findings(account)).isEmpty();
		}

		@ParameterizedTest(name = "first value due {0} days before as-of fires: {1}")
		@CsvSource({ "0, false", "1, true", "-5, false", "40, true" })
		void firstValueSlippingOnceTheDueDateHasPassed(int daysBefore, boolean fires) {
			long account = data.account(LocalDate.of(2028, 12, 31), AS_OF.minusDays(daysBefore), "UTC");

			assertThat(finding(account, DetectionPolicy.FIRST_VALUE_SLIPPING).isPresent()).isEqualTo(fires);
		}

		@Test
		void firstValueReachedOnOrBeforeAsOfClearsFirstValueSlipping() {
			LocalDate due = AS_OF.minusDays(10);
			long reached = data.account(LocalDate.of(2028, 12, 31), due, "UTC");
			data.event(reached, AS_OF, "FIRST_VALUE_REACHED");
			long reachedLater = data.account(LocalDate.of(2028, 12, 31), due, "UTC");
			data.event(reachedLater, AS_OF.plusDays(1), "FIRST_VALUE_REACHED");

			assertThat(findings(reached)).isEmpty();
			Finding slipping = finding(reachedLater, DetectionPolicy.FIRST_VALUE_SLIPPING).orElseThrow();
			assertThat(slipping.explanation())
				.isEqualTo("first value was due on 2026-03-21, 10 days ago, and no FIRST_VALUE_REACHED event by 2026-03-31");
			assertThat(slipping.firedOn()).isEqualTo(due.plusDays(1));
		}

	}

	@Nested
	class Events {

		@ParameterizedTest(name = "{0} is {1} {2}")
		@CsvSource({ "SPONSOR_LEFT, PEOPLE, S1", "POC_LEFT, PEOPLE, S2", "REORG, PEOPLE, S2",
				"COMPETING_PRIORITIES, PEOPLE, S3", "CHANGE_FREEZE, PEOPLE, S3", "BUDGET_FREEZE, COMMERCIAL, S2",
				"PROCUREMENT_DELAY, COMMERCIAL, S2", "MISSING_CAPABILITY, PRODUCT_FIT, S2",
				"ROADMAP_DEPENDENCY, PRODUCT_FIT, S2", "HEALTH_RED, SENTIMENT, S2", "HEALTH_YELLOW, SENTIMENT, S3",
				"NEGATIVE_EXEC_FEEDBACK, SENTIMENT, S1", "OUTAGE_ALL_USERS, INCIDENT, S0",
				"SECURITY_INCIDENT, INCIDENT, S0", "OUTAGE_PARTIAL, INCIDENT, S2" })
		void everyEventOfThePlaybookMakesItsFinding(String type, RiskCategory category, Severity severity) {
			long account = data.account();
			data.event(account, AS_OF.minusDays(3), type);

			assertThat(findings(account)).singleElement().satisfies(finding -> {
				assertThat(finding.ruleId()).isEqualTo(DetectionPolicy.eventRuleId(type));
				assertThat(finding.category()).isEqualTo(category);
				assertThat(finding.severity()).isEqualTo(severity);
				assertThat(finding.firedOn()).isEqualTo(AS_OF.minusDays(3));
				assertThat(finding.recordIds()).containsExactly("event 2026-03-28 " + type);
			});
		}

		@ParameterizedTest(name = "an event {0} days before as-of counts: {1}")
		@CsvSource({ "0, true", "29, true", "30, false", "-1, false" })
		void anEventCountsWithinTheThirtyDaysEndingOnAsOf(int daysBefore, boolean counts) {
			long account = data.account();
			data.event(account, AS_OF.minusDays(daysBefore), "SPONSOR_LEFT");

			assertThat(finding(account, "sponsor-left").isPresent()).isEqualTo(counts);
		}

		@Test
		void explainsTheEventWithItsNote() {
			long account = data.account();
			data.event(account, AS_OF.minusDays(5), "SPONSOR_LEFT", "Dana Fox resigned");

			assertThat(finding(account, "sponsor-left").orElseThrow().explanation())
				.isEqualTo("SPONSOR_LEFT on 2026-03-26 (Dana Fox resigned), 5 days ago: within 30 days");
		}

		@Test
		void healthGreenOnALaterDayClearsRedAndYellow() {
			long cleared = data.account();
			data.event(cleared, AS_OF.minusDays(10), "HEALTH_RED");
			data.event(cleared, AS_OF.minusDays(9), "HEALTH_YELLOW");
			data.event(cleared, AS_OF.minusDays(2), "HEALTH_GREEN");
			long greenAfterAsOf = data.account();
			data.event(greenAfterAsOf, AS_OF.minusDays(10), "HEALTH_RED");
			data.event(greenAfterAsOf, AS_OF.plusDays(1), "HEALTH_GREEN");
			long sameDay = data.account();
			data.event(sameDay, AS_OF.minusDays(10), "HEALTH_RED");
			data.event(sameDay, AS_OF.minusDays(10), "HEALTH_GREEN");

			assertThat(findings(cleared)).isEmpty();
			assertThat(findings(greenAfterAsOf)).extracting(Finding::ruleId).containsExactly("health-red");
			assertThat(findings(sameDay)).as("the order within a day is unknown: the red stands")
				.extracting(Finding::ruleId)
				.containsExactly("health-red");
			assertThat(finding(greenAfterAsOf, "health-red").orElseThrow().explanation())
				.isEqualTo("HEALTH_RED on 2026-03-21, 10 days ago: within 30 days, no later HEALTH_GREEN or HEALTH_YELLOW");
		}

		@Test
		void theLatestHealthColourCounts() {
			long account = data.account();
			data.event(account, AS_OF.minusDays(10), "HEALTH_YELLOW");
			data.event(account, AS_OF.minusDays(4), "HEALTH_RED");

			assertThat(findings(account)).extracting(Finding::ruleId).containsExactly("health-red");
		}

		@Test
		void aRiskOfTheSameCategoryClosedOnOrAfterTheEventDayEndsIt() {
			LocalDate day = AS_OF.minusDays(10);
			long closedAfter = data.account();
			data.event(closedAfter, day, "SPONSOR_LEFT");
			data.risk(closedAfter, RiskCategory.PEOPLE, Severity.S1, at(day, 9), at(day.plusDays(2), 9),
					at(day.plusDays(3), 9), null);
			long closedBefore = data.account();
			data.event(closedBefore, day, "SPONSOR_LEFT");
			data.risk(closedBefore, RiskCategory.PEOPLE, Severity.S1, at(day.minusDays(9), 9), at(day.minusDays(2), 9),
					at(day.minusDays(1), 9), null);
			long otherCategory = data.account();
			data.event(otherCategory, day, "SPONSOR_LEFT");
			data.risk(otherCategory, RiskCategory.SUPPORT, Severity.S1, at(day, 9), at(day, 10), at(day.plusDays(1), 9),
					null);
			long duplicate = data.account();
			data.event(duplicate, day, "SPONSOR_LEFT");
			data.risk(duplicate, RiskCategory.PEOPLE, Severity.S1, at(day, 9), null, at(day.plusDays(1), 9), "RISK-2026-0001");
			long closedAfterAsOf = data.account();
			data.event(closedAfterAsOf, day, "SPONSOR_LEFT");
			data.risk(closedAfterAsOf, RiskCategory.PEOPLE, Severity.S1, at(day, 9), at(AS_OF, 9),
					at(AS_OF.plusDays(1), 9), null);

			assertThat(findings(closedAfter)).isEmpty();
			assertThat(findings(closedBefore)).extracting(Finding::ruleId).containsExactly("sponsor-left");
			assertThat(findings(otherCategory)).extracting(Finding::ruleId).containsExactly("sponsor-left");
			assertThat(findings(duplicate)).as("a duplicate's close leaves the work to its original")
				.extracting(Finding::ruleId)
				.containsExactly("sponsor-left");
			assertThat(findings(closedAfterAsOf)).extracting(Finding::ruleId).containsExactly("sponsor-left");
		}

	}

	@Nested
	class Commercial {

		@ParameterizedTest(name = "due {0} days before as-of, paid {1} days after due: fires {2}")
		@CsvSource({ "30, , false", "31, , true", "31, 5, false", "31, 31, false", "31, 32, true", "90, 30, false" })
		void anInvoiceUnpaidMoreThan30DaysAfterItsDueDate(int dueDaysBefore, Integer paidDaysAfterDue, boolean fires) {
			long account = data.account();
			LocalDate due = AS_OF.minusDays(dueDaysBefore);
			data.invoice(account, "INV-9", "12000", due, paidDaysAfterDue == null ? null : due.plusDays(paidDaysAfterDue));

			assertThat(finding(account, DetectionPolicy.INVOICE_OVERDUE).isPresent()).isEqualTo(fires);
		}

		@Test
		void explainsEachOverdueInvoice() {
			long account = data.account();
			data.invoice(account, "INV-9", "12000", LocalDate.of(2026, 1, 15), null);
			data.invoice(account, "INV-12", "800.5", LocalDate.of(2026, 2, 20), null);
			data.invoice(account, "INV-13", "800", LocalDate.of(2026, 3, 20), null);

			Finding finding = finding(account, DetectionPolicy.INVOICE_OVERDUE).orElseThrow();
			assertThat(finding.explanation()).isEqualTo("invoice INV-9 (USD 12,000.00) due 2026-01-15, unpaid 75 days later: "
					+ "75 > 30; invoice INV-12 (USD 800.50) due 2026-02-20, unpaid 39 days later: 39 > 30");
			assertThat(finding.recordIds()).containsExactly("invoice INV-9", "invoice INV-12");
			assertThat(finding.firedOn()).isEqualTo(LocalDate.of(2026, 2, 15));
		}

	}

	@Nested
	class Support {

		@ParameterizedTest(name = "Sev-1 tickets opened {0} and {1} days before as-of fire: {2}")
		@CsvSource({ "1, 29, true", "1, 30, false", "0, 0, true", "1, -1, false" })
		void twoSev1TicketsWithinThirtyDays(int first, int second, boolean fires) {
			long account = data.account();
			data.ticket(account, "T-1", "SEV1", at(AS_OF.minusDays(first), 12), at(AS_OF.minusDays(first), 13), false);
			data.ticket(account, "T-2", "SEV1", at(AS_OF.minusDays(second), 12), at(AS_OF.minusDays(second), 13), false);
			data.ticket(account, "T-3", "SEV2", at(AS_OF.minusDays(2), 12), null, false);

			assertThat(finding(account, DetectionPolicy.SEV1_TICKETS).isPresent()).isEqualTo(fires);
		}

		@Test
		void aTicketsDayIsItsDayInTheAccountsTimeZone() {
			long chicago = data.account(LocalDate.of(2028, 12, 31), null, "America/Chicago");
			// 03:00 UTC on 2026-03-02 is still 2026-03-01 in Chicago: 30 days before as-of, outside the window.
			data.ticket(chicago, "T-1", "SEV1", Instant.parse("2026-03-02T03:00:00Z"), Instant.parse("2026-03-02T04:00:00Z"),
					false);
			data.ticket(chicago, "T-2", "SEV1", at(AS_OF, 12), at(AS_OF, 13), false);
			long utc = data.account();
			data.ticket(utc, "T-1", "SEV1", Instant.parse("2026-03-02T03:00:00Z"), Instant.parse("2026-03-02T04:00:00Z"),
					false);
			data.ticket(utc, "T-2", "SEV1", at(AS_OF, 12), at(AS_OF, 13), false);

			assertThat(findings(chicago)).isEmpty();
			assertThat(finding(utc, DetectionPolicy.SEV1_TICKETS).orElseThrow().explanation())
				.isEqualTo("2 Sev-1 tickets opened within 30 days (T-1 on 2026-03-02, T-2 on 2026-03-31): 2 ≥ 2");
		}

		@ParameterizedTest(name = "a Sev-1 opened {0} days before as-of, resolved {1} days after as-of: fires {2}")
		@CsvSource({ "7, , true", "6, , false", "7, 0, false", "7, 1, true", "20, -1, false" })
		void aSev1UnresolvedForSevenDaysOrMore(int openedDaysBefore, Integer resolvedDaysAfter, boolean fires) {
			long account = data.account();
			data.ticket(account, "T-7", "SEV1", at(AS_OF.minusDays(openedDaysBefore), 8),
					resolvedDaysAfter == null ? null : at(AS_OF.plusDays(resolvedDaysAfter), 8), false);

			assertThat(finding(account, DetectionPolicy.SEV1_UNRESOLVED).isPresent()).isEqualTo(fires);
		}

		@Test
		void explainsAnUnresolvedSev1() {
			long account = data.account();
			data.ticket(account, "T-7", "SEV1", at(AS_OF.minusDays(9), 8), null, false);

			Finding finding = finding(account, DetectionPolicy.SEV1_UNRESOLVED).orElseThrow();
			assertThat(finding.explanation()).isEqualTo("Sev-1 ticket T-7 open since 2026-03-22, unresolved 9 days: 9 ≥ 7");
			assertThat(finding.firedOn()).isEqualTo(LocalDate.of(2026, 3, 29));
			assertThat(finding.recordIds()).containsExactly("ticket T-7");
		}

		@ParameterizedTest(name = "{0} tickets with a workaround in 30 days fire: {1}")
		@CsvSource({ "2, false", "3, true", "4, true" })
		void threeWorkaroundsWithinThirtyDays(int tickets, boolean fires) {
			long account = data.account();
			for (int i = 0; i < tickets; i++) {
				data.ticket(account, "W-" + i, "SEV3", at(AS_OF.minusDays(i * 9), 10), at(AS_OF.minusDays(i * 9), 11), true);
			}
			data.ticket(account, "W-old", "SEV3", at(AS_OF.minusDays(30), 10), at(AS_OF.minusDays(30), 11), true);

			assertThat(finding(account, DetectionPolicy.REPEATED_WORKAROUNDS).isPresent()).isEqualTo(fires);
		}

	}

	@Nested
	class Sentiment {

		@ParameterizedTest(name = "latest NPS {0} fires: {1}")
		@CsvSource({ "6, true", "7, false", "0, true", "10, false" })
		void latestNpsAtOrBelowSix(int score, boolean fires) {
			long account = data.account();
			data.nps(account, AS_OF.minusDays(40), 9, "SPONSOR");
			data.nps(account, AS_OF.minusDays(3), score, "SPONSOR");

			assertThat(finding(account, DetectionPolicy.NPS_DETRACTOR).isPresent()).isEqualTo(fires);
		}

		@Test
		void aNewerAnswerReplacesAnOlderDetractorAndOneDetractorOnTheLatestDayFires() {
			long recovered = data.account();
			data.nps(recovered, AS_OF.minusDays(20), 3, "SPONSOR");
			data.nps(recovered, AS_OF.minusDays(2), 8, "SPONSOR");
			data.nps(recovered, AS_OF.plusDays(1), 2, "SPONSOR"); // after as-of: ignored
			long mixed = data.account();
			data.nps(mixed, AS_OF.minusDays(2), 9, "SPONSOR");
			data.nps(mixed, AS_OF.minusDays(2), 5, "POC");

			assertThat(findings(recovered)).isEmpty();
			Finding finding = finding(mixed, DetectionPolicy.NPS_DETRACTOR).orElseThrow();
			assertThat(finding.explanation()).isEqualTo("NPS on 2026-03-29: 5 by POC, 9 by SPONSOR; lowest 5: 5 ≤ 6");
			assertThat(finding.recordIds()).containsExactly("NPS 2026-03-29 score 5 by POC");
		}

	}

	@Nested
	class RenewalModifiers {

		@ParameterizedTest(name = "renewal {0} days after as-of makes an S2 finding {1}")
		@CsvSource({ "90, S1", "91, S2", "0, S1", "-1, S2", "45, S1" })
		void renewalWithin90DaysRaisesAnS2OrS3FindingOneLevel(int days, Severity expected) {
			long account = data.account(AS_OF.plusDays(days), null, "UTC");
			data.nps(account, AS_OF.minusDays(1), 4, "SPONSOR");

			Finding finding = finding(account, DetectionPolicy.NPS_DETRACTOR).orElseThrow();
			assertThat(finding.baseSeverity()).isEqualTo(Severity.S2);
			assertThat(finding.severity()).isEqualTo(expected);
		}

		@Test
		void anS3FindingRisesToS2AndTheModifierSaysWhy() {
			long account = data.account(LocalDate.of(2026, 5, 15), null, "UTC");
			data.event(account, AS_OF.minusDays(1), "CHANGE_FREEZE");

			Finding finding = finding(account, "change-freeze").orElseThrow();
			assertThat(finding.severity()).isEqualTo(Severity.S2);
			assertThat(finding.modifiers()).containsExactly("renewal on 2026-05-15, in 45 days (within 90): S3 → S2");
		}

		@ParameterizedTest(name = "renewal {0} days after as-of makes sponsor-left {1}")
		@CsvSource({ "30, S0", "31, S1", "0, S0", "-1, S1" })
		void renewalWithin30DaysWithAnUnresolvedS1FindingMakesItS0(int days, Severity expected) {
			long account = data.account(AS_OF.plusDays(days), null, "UTC");
			data.event(account, AS_OF.minusDays(1), "SPONSOR_LEFT");

			assertThat(finding(account, "sponsor-left").orElseThrow().severity()).isEqualTo(expected);
		}

		@Test
		void atD30AnOpenS1RiskIsABlockerForAnS2Finding() {
			LocalDate renewal = AS_OF.plusDays(20);
			long withRisk = data.account(renewal, null, "UTC");
			data.event(withRisk, AS_OF.minusDays(1), "BUDGET_FREEZE");
			String key = data.risk(withRisk, RiskCategory.SUPPORT, Severity.S1, at(AS_OF.minusDays(5), 9), null, null, null);
			long withoutRisk = data.account(renewal, null, "UTC");
			data.event(withoutRisk, AS_OF.minusDays(1), "BUDGET_FREEZE");
			long riskResolved = data.account(renewal, null, "UTC");
			data.event(riskResolved, AS_OF.minusDays(1), "BUDGET_FREEZE");
			data.risk(riskResolved, RiskCategory.SUPPORT, Severity.S1, at(AS_OF.minusDays(5), 9), at(AS_OF, 9), null, null);
			long riskS2 = data.account(renewal, null, "UTC");
			data.event(riskS2, AS_OF.minusDays(1), "BUDGET_FREEZE");
			data.risk(riskS2, RiskCategory.SUPPORT, Severity.S2, at(AS_OF.minusDays(5), 9), null, null, null);

			Finding blocked = finding(withRisk, "budget-freeze").orElseThrow();
			assertThat(blocked.severity()).isEqualTo(Severity.S0);
			assertThat(blocked.modifiers()).containsExactly("renewal on 2026-04-20, in 20 days (within 90): S2 → S1",
					"contract at D-20 (renewal on 2026-04-20, within 30 days) with an unresolved blocker (risk " + key
							+ " S1): S1 → S0");
			assertThat(finding(withoutRisk, "budget-freeze").orElseThrow().severity()).isEqualTo(Severity.S1);
			assertThat(finding(riskResolved, "budget-freeze").orElseThrow().severity()).isEqualTo(Severity.S1);
			assertThat(finding(riskS2, "budget-freeze").orElseThrow().severity()).isEqualTo(Severity.S1);
		}

		@Test
		void atD30AnS1FindingIsABlockerForTheAccountsOtherFindingsButAnS3OnlyRisesOneLevel() {
			long account = data.account(AS_OF.plusDays(10), null, "UTC");
			data.event(account, AS_OF.minusDays(1), "SPONSOR_LEFT");
			data.event(account, AS_OF.minusDays(1), "POC_LEFT");
			data.event(account, AS_OF.minusDays(1), "CHANGE_FREEZE");

			assertThat(findings(account)).extracting(Finding::ruleId, Finding::baseSeverity, Finding::severity)
				.containsExactly(tuple("poc-left", Severity.S2, Severity.S0),
						tuple("sponsor-left", Severity.S1, Severity.S0),
						tuple("change-freeze", Severity.S3, Severity.S2));
			assertThat(finding(account, "sponsor-left").orElseThrow().modifiers()).containsExactly(
					"contract at D-10 (renewal on 2026-04-10, within 30 days) with an unresolved blocker (finding sponsor-left S1): S1 → S0");
		}

	}

	@Test
	void onlyTheAccountsAskedForAndEveryAccountWhenNoneAreNamed() {
		long first = data.account();
		data.event(first, AS_OF.minusDays(1), "REORG");
		long second = data.account();
		data.event(second, AS_OF.minusDays(1), "REORG");

		assertThat(rules.findings(policy, AS_OF, List.of(first))).extracting(Finding::accountId).containsExactly(first);
		assertThat(rules.findings(policy, AS_OF, List.of())).isEmpty();
		assertThat(rules.findings(policy, AS_OF)).extracting(Finding::accountId).contains(first, second);
	}

	static DetectionPolicy withTarget(DetectionPolicy policy, DetectionPolicy.Target target) {
		DetectionPolicy.Adoption a = policy.adoption();
		DetectionPolicy.PersonaUnderuse underuse = new DetectionPolicy.PersonaUnderuse(a.personaUnderuse().weeks(),
				a.personaUnderuse().severity(), List.of(target));
		return new DetectionPolicy(new DetectionPolicy.Adoption(a.floorUsers(), a.usageDrop(), a.collapse(), underuse,
				a.firstValueSlipping()), policy.support(), policy.commercial(), policy.sentiment(), policy.events(),
				policy.renewal());
	}

}
