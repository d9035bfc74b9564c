package io.riskdesk.signal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.signal.BacktestResult.AccountResult;
import io.riskdesk.signal.BacktestResult.CategoryResult;
import io.riskdesk.signal.BacktestResult.Change;
import io.riskdesk.signal.BacktestResult.Outcome;
import io.riskdesk.signal.BacktestResult.RuleFirst;
import io.riskdesk.signal.BacktestResult.Summary;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The backtest over a crafted history of three accounts from 2026-03-01 to 2026-04-09, with an
 * alternative that lowers usage-drop to 20%, sev1-tickets to 1, the NPS detractor to 4 or less and
 * raises invoice-overdue to 40 days. Each first day below is worked out by hand from the rules.
 */
@RiskdeskTest
class PolicyBacktestTest {

	static final LocalDate FROM = LocalDate.of(2026, 3, 1);

	static final LocalDate TO = LocalDate.of(2026, 4, 9);

	static final String ALTERNATIVE = """
			{"adoption": {"usage-drop": {"percent": 20}}, "support": {"sev1-tickets": {"count": 1}},
			 "sentiment": {"nps": {"at-or-below": 4}}, "commercial": {"invoice-overdue": {"days": 40}}}""";

	@Autowired
	PolicyBacktest backtest;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	long usage;

	long support;

	long mixed;

	@BeforeEach
	void craftHistory() {
		clock.set(Instant.parse("2026-04-10T06:00:00Z"));
		DetectionTestData data = new DetectionTestData(jdbc);
		// WAU 100 -> 75 (-25%) reported on 03-10 and 100 -> 65 (-35%) on 03-25, each against 30 days before;
		// no row 14 days before either, so adoption-collapse cannot compare.
		usage = data.account();
		data.usage(usage, LocalDate.of(2026, 2, 8), 100, 200);
		data.usage(usage, LocalDate.of(2026, 2, 23), 100, 200);
		data.usage(usage, LocalDate.of(2026, 3, 10), 75, 200);
		data.usage(usage, LocalDate.of(2026, 3, 25), 65, 200);
		// Due 02-01, never paid: 31 days late on 03-04, 41 on 03-14.
		data.invoice(usage, "INV-B1", "1200.00", LocalDate.of(2026, 2, 1), null);

		support = data.account();
		data.ticket(support, "BT-1", "SEV1", Instant.parse("2026-03-05T10:00:00Z"), Instant.parse("2026-03-06T10:00:00Z"), false);
		data.ticket(support, "BT-2", "SEV1", Instant.parse("2026-03-22T10:00:00Z"), Instant.parse("2026-03-23T10:00:00Z"), false);

		mixed = data.account();
		data.event(mixed, LocalDate.of(2026, 3, 15), "SPONSOR_LEFT");
		data.nps(mixed, LocalDate.of(2026, 3, 12), 5, "SPONSOR");
		data.ticket(mixed, "BT-3", "SEV1", Instant.parse("2026-03-28T10:00:00Z"), Instant.parse("2026-03-28T12:00:00Z"), false);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void eachAccountAndCategoryHasTheFirstDayOfEachSideAndTheSummaryCountsThem() {
		BacktestResult result = backtest.run(json.readTree(ALTERNATIVE), FROM, TO, List.of(usage, support, mixed));

		assertThat(categories(result, usage)).containsExactly(
				new CategoryResult(RiskCategory.ADOPTION, Outcome.EARLIER, day(3, 25), day(3, 10), -15L,
						List.of(rule("usage-drop", day(3, 25), day(3, 25), Severity.S2)),
						List.of(rule("usage-drop", day(3, 10), day(3, 10), Severity.S2))),
				new CategoryResult(RiskCategory.COMMERCIAL, Outcome.LATER, day(3, 4), day(3, 14), 10L,
						List.of(rule("invoice-overdue", day(3, 4), day(3, 4), Severity.S2)),
						List.of(rule("invoice-overdue", day(3, 14), day(3, 14), Severity.S2))));
		assertThat(categories(result, support)).containsExactly(
				new CategoryResult(RiskCategory.SUPPORT, Outcome.EARLIER, day(3, 22), day(3, 5), -17L,
						List.of(rule("sev1-tickets", day(3, 22), day(3, 22), Severity.S1)),
						List.of(rule("sev1-tickets", day(3, 5), day(3, 5), Severity.S1))));
		assertThat(categories(result, mixed)).containsExactly(
				new CategoryResult(RiskCategory.PEOPLE, Outcome.SAME, day(3, 15), day(3, 15), 0L,
						List.of(rule("sponsor-left", day(3, 15), day(3, 15), Severity.S1)),
						List.of(rule("sponsor-left", day(3, 15), day(3, 15), Severity.S1))),
				new CategoryResult(RiskCategory.SUPPORT, Outcome.ONLY_ALTERNATIVE, null, day(3, 28), null, List.of(),
						List.of(rule("sev1-tickets", day(3, 28), day(3, 28), Severity.S1))),
				new CategoryResult(RiskCategory.SENTIMENT, Outcome.ONLY_IN_FORCE, day(3, 12), null, null,
						List.of(rule("nps-detractor", day(3, 12), day(3, 12), Severity.S2)), List.of()));
		assertThat(result.accounts()).hasSize(3);
		assertThat(result.summary()).isEqualTo(new Summary(3, 3, 2, 1, 1, 1, 1));
		assertThat(result.alternative().changes()).containsExactly(
				new Change("adoption.usage-drop.percent", "30", "20"),
				new Change("commercial.invoice-overdue.days", "30", "40"),
				new Change("sentiment.nps.at-or-below", "6", "4"),
				new Change("support.sev1-tickets.count", "2", "1"));
	}

	@Test
	void theApiAnswersForTheRiskWritersAndWritesNothing() throws Exception {
		int findings = count("signal_finding");
		int risks = count("risk");

		mvc.perform(as("morgan", post("/api/playbook/backtest")).content("""
				{"detection": %s, "from": "2026-03-01", "to": "2026-04-09", "accountIds": [%d]}"""
			.formatted(ALTERNATIVE, support)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.from").value("2026-03-01"))
			.andExpect(jsonPath("$.inForce.version").isString())
			.andExpect(jsonPath("$.alternative.detection.support.sev1-tickets.count").value(1))
			.andExpect(jsonPath("$.alternative.detection.support.sev1-tickets.days").value(30))
			.andExpect(jsonPath("$.accounts", hasSize(1)))
			.andExpect(jsonPath("$.accounts[0].accountId").value(support))
			.andExpect(jsonPath("$.accounts[0].categories[0].category").value("SUPPORT"))
			.andExpect(jsonPath("$.accounts[0].categories[0].outcome").value("EARLIER"))
			.andExpect(jsonPath("$.accounts[0].categories[0].inForceFirst").value("2026-03-22"))
			.andExpect(jsonPath("$.accounts[0].categories[0].alternativeFirst").value("2026-03-05"))
			.andExpect(jsonPath("$.accounts[0].categories[0].difference").value(-17))
			.andExpect(jsonPath("$.accounts[0].categories[0].alternativeRules[0].ruleId").value("sev1-tickets"))
			.andExpect(jsonPath("$.summary.earlier").value(1))
			.andExpect(jsonPath("$.summary.accounts").value(1));
		// Every account when none are named.
		mvc.perform(as("admin", post("/api/playbook/backtest")).content("""
				{"from": "2026-04-09", "to": "2026-04-09"}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.alternative.changes", hasSize(0)))
			.andExpect(jsonPath("$.summary.accounts").value(count("account")));

		assertThat(count("signal_finding")).isEqualTo(findings);
		assertThat(count("risk")).isEqualTo(risks);

		for (String reader : List.of("jordan", "sam")) {
			mvc.perform(as(reader, post("/api/playbook/backtest")).content("{\"from\": \"2026-04-09\", \"to\": \"2026-04-09\"}"))
				.andExpect(status().isForbidden());
		}
	}

	@Test
	void everyWrongFieldIsNamedAtOnce() throws Exception {
		mvc.perform(as("alex", post("/api/playbook/backtest")).content("""
				{"detection": {"adoption": {"usage-drop": {"percent": -5}, "floor-users": -1}},
				 "from": "2026-04-09", "to": "2026-04-01", "accountIds": [-1]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Invalid request"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("detection.adoption.floor-users",
					"detection.adoption.usage-drop.percent", "from", "accountIds")))
			.andExpect(jsonPath("$.errors[?(@.field == 'detection.adoption.usage-drop.percent')].reason")
				.value("must be greater than or equal to 0"))
			.andExpect(jsonPath("$.errors[?(@.field == 'from')].reason").value("must not be after to (2026-04-01)"))
			.andExpect(jsonPath("$.errors[?(@.field == 'accountIds')].reason").value("no account with id -1"));
		mvc.perform(as("alex", post("/api/playbook/backtest")).content("""
				{"detection": {"adoption": {"usage-dorp": {"percent": 20}}}, "from": "2026-04-01", "to": "2026-04-11"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("detection.adoption.usage-dorp"))
			.andExpect(jsonPath("$.errors[1].field").value("to"))
			.andExpect(jsonPath("$.errors[1].reason").value("must not be after today (2026-04-10)"));
		mvc.perform(as("alex", post("/api/playbook/backtest")).content("{\"from\": \"2025-04-09\", \"to\": \"2026-04-10\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("to"))
			.andExpect(jsonPath("$.errors[0].reason").value("must be at most 366 days from the first day, both included (367 asked)"));
		mvc.perform(as("alex", post("/api/playbook/backtest")).content("{\"detection\": {}}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("from", "to")));
	}

	private int count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
	}

	private static List<CategoryResult> categories(BacktestResult result, long account) {
		return result.accounts().stream().filter(a -> a.accountId() == account).findFirst()
			.map(AccountResult::categories).orElseThrow();
	}

	private static RuleFirst rule(String id, LocalDate first, LocalDate firedOn, Severity severity) {
		return new RuleFirst(id, first, firedOn, severity);
	}

	private static LocalDate day(int month, int day) {
		return LocalDate.of(2026, month, day);
	}

}
