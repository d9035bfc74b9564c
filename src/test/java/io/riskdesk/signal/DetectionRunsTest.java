package io.riskdesk.signal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.NewRisk;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.timeline.TimelineEntry;
import io.riskdesk.timeline.TimelineKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import static io.riskdesk.ApiFixtures.as;
import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Findings into the register: opened, attached, escalated, cleared on the timeline, and never
 * twice. As of today (two hours ago): the risks it opens are as new as their findings, so they do
 * not crowd the dashboard's overdue lists that other tests read.
 */
@RiskdeskTest
class DetectionRunsTest {

	/**
	 * Two hours ago, so the clock stays in the past as the tests move it on: the shared scheduler
	 * tells time by it and would stall after an instant beyond real time.
	 */
	static final Instant NOW = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);

	static final LocalDate AS_OF = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

	@Autowired
	DetectionRuns runs;

	@Autowired
	RiskRegister risks;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	MockMvc mvc;

	DetectionTestData data;

	long account;

	@BeforeEach
	void setUp() {
		clock.set(NOW);
		data = new DetectionTestData(jdbc);
		account = data.account();
		data.event(account, AS_OF.minusDays(2), "SPONSOR_LEFT", "Dana Fox resigned");
		data.nps(account, AS_OF.minusDays(1), 4, "SPONSOR");
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void opensARiskPerCategoryWithTheFindingsSeverityAndEvidenceAndNothingTwice() {
		DetectionRun run = runs.run(AS_OF, List.of(account));

		assertThat(run.added()).isEqualTo(2);
		assertThat(run.opened()).hasSize(2);
		RiskDetails people = risk(RiskCategory.PEOPLE);
		assertThat(people.source()).isEqualTo(RiskSource.SIGNAL);
		assertThat(people.status()).isEqualTo(RiskStatus.OPEN);
		assertThat(people.severity()).isEqualTo(Severity.S1);
		assertThat(people.title()).isEqualTo("People signal: sponsor left");
		LocalDate left = AS_OF.minusDays(2);
		assertThat(people.evidence()).containsExactly("SPONSOR_LEFT on " + left + " (Dana Fox resigned), 2 days ago: "
				+ "within 30 days [event " + left + " SPONSOR_LEFT]");
		assertThat(people.description()).contains("S1 sponsor-left: SPONSOR_LEFT on " + left);
		assertThat(risk(RiskCategory.SENTIMENT).severity()).isEqualTo(Severity.S2);
		assertThat(jdbc.sql("select count(*) from sla_clock where risk_key = :key").param("key", people.key())
			.query(Integer.class).single()).as("SLA clocks started").isPositive();
		assertThat(jdbc.sql("select risk_key from signal_finding where account_id = :a and rule_id = 'sponsor-left'")
			.param("a", account).query(String.class).single()).isEqualTo(people.key());

		clock.advance(Duration.ofHours(1));
		DetectionRun again = runs.run(AS_OF, List.of(account));

		assertThat(again.opened()).isEmpty();
		assertThat(again.attached()).isEmpty();
		assertThat(again.escalated()).isEmpty();
		assertThat(again.refreshed()).isEqualTo(2);
		assertThat(unresolved(RiskCategory.PEOPLE)).isEqualTo(1);
	}

	@Test
	void aFindingGoesToTheAccountsUnresolvedRiskOfItsCategoryAndRaisesItsSeverity() {
		RiskDetails manual = risks.create(new NewRisk(account, "Sponsor may leave", RiskCategory.PEOPLE, null, Severity.S3,
				null, null, null, null), RiskSource.MANUAL, "alex");

		DetectionRun run = runs.run(AS_OF, List.of(account));

		assertThat(run.attached()).containsExactly(manual.key());
		assertThat(run.escalated()).containsExactly(manual.key());
		assertThat(run.opened()).hasSize(1).doesNotContain(manual.key());
		RiskDetails after = risks.get(manual.key());
		assertThat(after.severity()).isEqualTo(Severity.S1);
		assertThat(after.evidence()).anySatisfy(line -> assertThat(line).startsWith("SPONSOR_LEFT on " + AS_OF.minusDays(2)));
		assertThat(risks.timeline(manual.key())).filteredOn(entry -> "signal".equals(entry.actor()))
			.extracting(TimelineEntry::kind)
			.contains(TimelineKind.REPORT_ATTACHED, TimelineKind.SEVERITY_CHANGED);
		assertThat(unresolved(RiskCategory.PEOPLE)).isEqualTo(1);
	}

	@Test
	void aRisingFindingEscalatesItsRiskButAPersonsLowerSeverityStandsUntilThen() {
		runs.run(AS_OF, List.of(account));
		String sentiment = risk(RiskCategory.SENTIMENT).key();
		RiskDetails lowered = risks.changeSeverity(sentiment, null,
				new io.riskdesk.risk.SeverityChange(Severity.S3, "Only one detractor"), "alex");
		assertThat(runs.run(AS_OF, List.of(account)).escalated()).isEmpty();
		assertThat(risks.get(sentiment).severity()).isEqualTo(lowered.severity());

		jdbc.sql("update account set renewal_date = :renewal where id = :id")
			.param("renewal", AS_OF.plusDays(60))
			.param("id", account)
			.update();
		DetectionRun run = runs.run(AS_OF, List.of(account));

		assertThat(run.escalated()).contains(sentiment);
		assertThat(risks.get(sentiment).severity()).isEqualTo(Severity.S1);
		assertThat(risks.timeline(sentiment)).anySatisfy(entry -> assertThat(entry.summary())
			.contains("Signal nps-detractor").contains("renewal on " + AS_OF.plusDays(60) + ", in 60 days (within 90): S2 → S1"));
	}

	@Test
	void aClearedFindingIsWrittenOnItsRisksTimelineAndNothingCloses() {
		runs.run(AS_OF, List.of(account));
		String sentiment = risk(RiskCategory.SENTIMENT).key();
		data.nps(account, AS_OF, 9, "SPONSOR");
		clock.advance(Duration.ofHours(1));

		DetectionRun run = runs.run(AS_OF, List.of(account));

		assertThat(run.cleared()).isEqualTo(1);
		assertThat(run.noted()).containsExactly(sentiment);
		assertThat(risks.get(sentiment).status()).isEqualTo(RiskStatus.OPEN);
		assertThat(risks.timeline(sentiment)).anySatisfy(entry -> {
			assertThat(entry.kind()).isEqualTo(TimelineKind.SIGNAL);
			assertThat(entry.summary()).startsWith("Signal cleared (nps-detractor): no longer found");
		});
	}

	@Test
	void twoRunsAtOnceOpenOneRiskPerCategory() throws Exception {
		CyclicBarrier start = new CyclicBarrier(2);
		List<CompletableFuture<DetectionRun>> both = List.of(1, 2).stream()
			.map(i -> CompletableFuture.supplyAsync(() -> {
				try {
					start.await();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
				return runs.run(AS_OF, List.of(account));
			}))
			.toList();

		assertThat(both.stream().mapToInt(run -> run.join().opened().size()).sum()).isEqualTo(2);
		assertThat(unresolved(RiskCategory.PEOPLE)).isEqualTo(1);
		assertThat(unresolved(RiskCategory.SENTIMENT)).isEqualTo(1);
	}

	@Test
	void aRunThatDoesNotFinishLeavesNothingAndTheNextOneDoesItAll() {
		transaction.executeWithoutResult(status -> {
			assertThat(runs.run(AS_OF, List.of(account)).opened()).hasSize(2);
			// The process dies before the commit.
			status.setRollbackOnly();
		});
		assertThat(jdbc.sql("select count(*) from signal_finding where account_id = :a").param("a", account)
			.query(Integer.class).single()).isZero();
		assertThat(unresolved(RiskCategory.PEOPLE)).isZero();

		assertThat(runs.run(AS_OF, List.of(account)).opened()).hasSize(2);
		assertThat(unresolved(RiskCategory.PEOPLE)).isEqualTo(1);
	}

	@Test
	void theApiRunsAPassForOneAccountAsOfADay() throws Exception {
		mvc.perform(asAlex(post("/api/detection/run")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": " + account + ", \"asOf\": \"" + AS_OF + "\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.asOf").value(AS_OF.toString()))
			.andExpect(jsonPath("$.accounts[0]").value(account))
			.andExpect(jsonPath("$.added").value(2))
			.andExpect(jsonPath("$.opened", hasSize(2)));
		mvc.perform(asAlex(post("/api/detection/run")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": " + account + ", \"asOf\": \"" + AS_OF.plusDays(1) + "\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("asOf"));
		mvc.perform(asAlex(post("/api/detection/run")).contentType(MediaType.APPLICATION_JSON)
			.content("{\"accountId\": 987654321}"))
			.andExpect(status().isNotFound());
		mvc.perform(as("jordan", post("/api/detection/run")).contentType(MediaType.APPLICATION_JSON).content("{}"))
			.andExpect(status().isForbidden());
	}

	@Test
	void aRisksApiSaysWhichFindingsItsSeverityRestsOn() throws Exception {
		runs.run(AS_OF, List.of(account));
		String people = risk(RiskCategory.PEOPLE).key();

		mvc.perform(asAlex(get("/api/risks/{key}/signals",
				people)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.riskKey").value(people))
			.andExpect(jsonPath("$.suggestedSeverity").value("S1"))
			.andExpect(jsonPath("$.active", hasSize(1)))
			.andExpect(jsonPath("$.active[0].finding.ruleId").value("sponsor-left"))
			.andExpect(jsonPath("$.active[0].riskKey").value(people))
			.andExpect(jsonPath("$.cleared", hasSize(0)));
		mvc.perform(asAlex(get("/api/risks/{key}/signals",
				"RISK-1900-0001")))
			.andExpect(status().isNotFound());
	}

	private RiskDetails risk(RiskCategory category) {
		return risks.get(jdbc.sql("select risk_key from risk where account_id = :a and category = :c")
			.param("a", account)
			.param("c", category.name())
			.query(String.class)
			.single());
	}

	private int unresolved(RiskCategory category) {
		return risks.unresolved(account, category).size();
	}

}
