package io.riskdesk.risk;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.riskdesk.ApiFixtures;
import io.riskdesk.MutableClock;
import io.riskdesk.RiskdeskTest;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The times to triage, first response, resolve and close are kept per risk, for the reports. */
@RiskdeskTest
class RiskTimingsTest {

	private static final Instant DETECTED = Instant.parse("2026-11-16T09:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	RiskRegister risks;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void resetClock() {
		clock.reset();
	}

	@Test
	void eachTimeCountsFromDetectionInClockTimeAndIsNullUntilTheRiskGetsThere() throws Exception {
		ApiFixtures fixtures = new ApiFixtures(mvc);
		long owner = fixtures.person("Tim Ings");
		clock.set(DETECTED);
		String key = fixtures.risk(fixtures.account("Timings Ltd " + System.nanoTime(), owner), "Exports time out");
		assertThat(timings(key)).containsEntry("seconds_to_triage", null).containsEntry("seconds_to_close", null);

		at(Duration.ofHours(1), () -> risks.transition(key, null, new TransitionRequest(RiskStatus.TRIAGED, Severity.S2,
				owner, null, null, null, null, null, null, null), "alex"));
		at(Duration.ofHours(2), () -> risks.recordFirstResponse(key, null, "Called the POC", "alex"));
		at(Duration.ofHours(3), () -> {
			risks.recordTriageStep(key, null, new TriageStepRequest(TriageStep.CREATE_CAP, "Plan", null), "alex");
			risks.recordTriageStep(key, null, new TriageStepRequest(TriageStep.NOTIFY_STAKEHOLDERS, "POC", null), "alex");
		});
		at(Duration.ofHours(5), () -> risks.recordTriageStep(key, null,
				new TriageStepRequest(TriageStep.SET_CADENCE, null, null), "alex"));
		at(Duration.ofDays(3), () -> {
			risks.transition(key, null, TransitionRequest.to(RiskStatus.ACTIVE), "alex");
			risks.transition(key, null, new TransitionRequest(RiskStatus.RESOLVED, null, null, "Timeouts too short",
					List.of(new RiskEvents.Prevention("Load test exports", "Tim Ings", LocalDate.parse("2026-12-18"))),
					null, null, null, null, null), "alex");
		});
		assertThat(timings(key)).containsEntry("seconds_to_close", null);
		at(Duration.ofDays(10), () -> risks.transition(key, null, new TransitionRequest(RiskStatus.CLOSED, null, null,
				null, null, Outcome.RETAINED, "Timeouts raised; renewed", null, null, null), "alex"));

		assertThat(timings(key)).containsEntry("seconds_to_triage", 5 * 3600L)
			.containsEntry("seconds_to_first_response", 2 * 3600L)
			.containsEntry("seconds_to_resolve", 3 * 86400L)
			.containsEntry("seconds_to_close", 10 * 86400L);
		assertThat(risks.get(key).triageCompletedAt()).isEqualTo(DETECTED.plus(Duration.ofHours(5)));
	}

	private void at(Duration sinceDetection, Runnable action) {
		clock.set(DETECTED.plus(sinceDetection));
		action.run();
	}

	private Map<String, Object> timings(String key) {
		return jdbc.sql("""
				select seconds_to_triage, seconds_to_first_response, seconds_to_resolve, seconds_to_close
				from risk where risk_key = :key""").param("key", key).query().singleRow();
	}

}
