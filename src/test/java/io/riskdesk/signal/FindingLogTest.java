package io.riskdesk.signal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.PlaybookVersion;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.riskdesk.ApiFixtures.asAlex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RiskdeskTest
class FindingLogTest {

	static final LocalDate AS_OF = LocalDate.of(2026, 3, 31);

	static final Instant FIRST_PASS = Instant.parse("2026-03-31T06:00:00Z");

	@Autowired
	FindingLog log;

	@Autowired
	PlaybookVersion version;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	MockMvc mvc;

	DetectionTestData data;

	long account;

	@BeforeEach
	void setUp() {
		data = new DetectionTestData(jdbc);
		account = data.account();
		data.event(account, AS_OF.minusDays(2), "SPONSOR_LEFT", "Dana Fox resigned");
		data.nps(account, AS_OF.minusDays(1), 4, "SPONSOR");
		clock.set(FIRST_PASS);
	}

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void recordsAPassOnceAndTheSamePassAgainChangesNothing() {
		FindingPass first = log.pass(AS_OF, List.of(account));

		assertThat(first.added()).extracting(entry -> entry.finding().ruleId())
			.containsExactly("sponsor-left", "nps-detractor");
		assertThat(first.playbookVersion()).isEqualTo(version.sha256());
		FindingEntry sponsor = first.added().get(0);
		assertThat(sponsor.playbookVersion()).isEqualTo(version.sha256());
		assertThat(sponsor.firstFoundAt()).isEqualTo(FIRST_PASS);
		assertThat(sponsor.clearedAt()).isNull();
		assertThat(sponsor.finding().explanation())
			.isEqualTo("SPONSOR_LEFT on 2026-03-29 (Dana Fox resigned), 2 days ago: within 30 days");
		assertThat(sponsor.finding().measured()).containsEntry("note", "Dana Fox resigned").containsEntry("daysAgo", 2);
		assertThat(sponsor.finding().recordIds()).containsExactly("event 2026-03-29 SPONSOR_LEFT");

		clock.advance(Duration.ofHours(1));
		FindingPass again = log.pass(AS_OF, List.of(account));

		assertThat(again.unchanged()).isTrue();
		assertThat(again.refreshed()).isEqualTo(2);
		assertThat(log.report(account).active()).hasSize(2).allSatisfy(entry -> {
			assertThat(entry.firstFoundAt()).isEqualTo(FIRST_PASS);
			assertThat(entry.lastFoundAt()).isEqualTo(FIRST_PASS.plus(Duration.ofHours(1)));
		});
	}

	@Test
	void reportsAnEscalationWithTheSeverityItHad() {
		log.pass(AS_OF, List.of(account));
		jdbc.sql("update account set renewal_date = :renewal where id = :id")
			.param("renewal", AS_OF.plusDays(60))
			.param("id", account)
			.update();

		FindingPass pass = log.pass(AS_OF, List.of(account));

		assertThat(pass.added()).isEmpty();
		assertThat(pass.escalated()).singleElement().satisfies(escalated -> {
			assertThat(escalated.before()).isEqualTo(Severity.S2);
			assertThat(escalated.finding().finding().ruleId()).isEqualTo("nps-detractor");
			assertThat(escalated.finding().finding().severity()).isEqualTo(Severity.S1);
			assertThat(escalated.finding().finding().modifiers()).containsExactly(
					"renewal on 2026-05-30, in 60 days (within 90): S2 → S1");
		});
		assertThat(pass.refreshed()).isEqualTo(1);
	}

	@Test
	void aFindingThePassNoLongerFindsIsClearedAndComesBackAsANewOne() {
		log.pass(AS_OF, List.of(account));
		data.nps(account, AS_OF, 9, "SPONSOR");
		clock.advance(Duration.ofDays(1));

		FindingPass cleared = log.pass(AS_OF, List.of(account));

		assertThat(cleared.cleared()).singleElement().satisfies(entry -> {
			assertThat(entry.finding().ruleId()).isEqualTo("nps-detractor");
			assertThat(entry.clearedAt()).isEqualTo(FIRST_PASS.plus(Duration.ofDays(1)));
		});
		FindingReport report = log.report(account);
		assertThat(report.active()).extracting(entry -> entry.finding().ruleId()).containsExactly("sponsor-left");
		assertThat(report.recentlyCleared()).extracting(entry -> entry.finding().ruleId()).containsExactly("nps-detractor");
		assertThat(report.suggestedSeverity()).isEqualTo(Severity.S1);

		jdbc.sql("delete from telemetry_survey where account_id = :id and score = 9").param("id", account).update();
		FindingPass back = log.pass(AS_OF, List.of(account));

		assertThat(back.added()).singleElement().satisfies(entry -> {
			assertThat(entry.finding().ruleId()).isEqualTo("nps-detractor");
			assertThat(entry.firstFoundAt()).isEqualTo(FIRST_PASS.plus(Duration.ofDays(1)));
		});
		assertThat(log.report(account).recentlyCleared()).hasSize(1);
	}

	@Test
	void aPassOverOtherAccountsLeavesThisAccountsFindingsAlone() {
		log.pass(AS_OF, List.of(account));
		long other = data.account();

		FindingPass pass = log.pass(AS_OF, List.of(other));

		assertThat(pass.unchanged()).isTrue();
		assertThat(pass.refreshed()).isZero();
		assertThat(log.report(account).active()).hasSize(2);
	}

	@Test
	void clearedFindingsShowForNinetyDays() {
		log.pass(AS_OF, List.of(account));
		data.nps(account, AS_OF, 9, "SPONSOR");
		log.pass(AS_OF, List.of(account));

		clock.advance(FindingLog.RECENTLY_CLEARED.minusMinutes(1));
		assertThat(log.report(account).recentlyCleared()).hasSize(1);
		clock.advance(Duration.ofMinutes(2));
		assertThat(log.report(account).recentlyCleared()).isEmpty();
	}

	@Test
	void theApiShowsTheAccountsSignals() throws Exception {
		log.pass(AS_OF, List.of(account));

		mvc.perform(asAlex(get("/api/accounts/{id}/signals", account)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.accountId").value(account))
			.andExpect(jsonPath("$.suggestedSeverity").value("S1"))
			.andExpect(jsonPath("$.playbookVersion").value(version.sha256()))
			.andExpect(jsonPath("$.active", hasSize(2)))
			.andExpect(jsonPath("$.active[0].finding.ruleId").value("sponsor-left"))
			.andExpect(jsonPath("$.active[0].finding.category").value("PEOPLE"))
			.andExpect(jsonPath("$.active[0].finding.explanation")
				.value("SPONSOR_LEFT on 2026-03-29 (Dana Fox resigned), 2 days ago: within 30 days"))
			.andExpect(jsonPath("$.active[0].finding.threshold").value("a SPONSOR_LEFT event within 30 days"))
			.andExpect(jsonPath("$.active[0].finding.firedOn").value("2026-03-29"))
			.andExpect(jsonPath("$.active[0].playbookVersion").value(version.sha256()))
			.andExpect(jsonPath("$.active[1].finding.explanation").value("NPS 4 by SPONSOR on 2026-03-30: 4 ≤ 6"))
			.andExpect(jsonPath("$.active[1].finding.measured.lowest").value(4))
			.andExpect(jsonPath("$.recentlyCleared", hasSize(0)));
		mvc.perform(asAlex(get("/api/accounts/{id}/signals", 987654321L))).andExpect(status().isNotFound());
	}

}
