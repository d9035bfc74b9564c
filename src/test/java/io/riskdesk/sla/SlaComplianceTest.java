package io.riskdesk.sla;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import io.riskdesk.RiskdeskTest;
import io.riskdesk.core.InvalidFieldException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Compliance per clock kind counted on crafted clocks in a week of 2001, which no demo or test risk
 * reaches: the counts are exactly this test's.
 */
@RiskdeskTest
class SlaComplianceTest {

	private static final Instant FROM = Instant.parse("2001-03-05T00:00:00Z");

	private static final Instant TO = Instant.parse("2001-03-12T00:00:00Z");

	private final String prefix = "COMPLIANCE-" + UUID.randomUUID().toString().substring(0, 8) + "-";

	private int clocks;

	@Autowired
	SlaCompliance compliance;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void removeClocks() {
		jdbc.sql("delete from sla_clock where risk_key like :prefix").param("prefix", prefix + "%").update();
	}

	@Test
	void countsMetAndBreachedClocksPerKindStartedInThePeriod() {
		clock(ClockKind.TRIAGE, ClockState.MET, FROM.plusSeconds(3600));
		clock(ClockKind.TRIAGE, ClockState.MET, TO.minusSeconds(1));
		clock(ClockKind.TRIAGE, ClockState.BREACHED, FROM.plusSeconds(7200));
		// Neither met nor breached: not counted.
		clock(ClockKind.TRIAGE, ClockState.PAUSED, FROM.plusSeconds(3600));
		clock(ClockKind.TRIAGE, ClockState.STOPPED, FROM.plusSeconds(3600));
		clock(ClockKind.FIRST_RESPONSE, ClockState.BREACHED, FROM.plusSeconds(60));
		clock(ClockKind.FIRST_RESPONSE, ClockState.BREACHED, FROM.plusSeconds(120));
		// The period holds its first instant, not its last.
		clock(ClockKind.MILESTONE, ClockState.MET, FROM);
		clock(ClockKind.NOTIFICATION, ClockState.MET, TO);
		clock(ClockKind.NOTIFICATION, ClockState.BREACHED, FROM.minusSeconds(1));

		assertThat(compliance.byKind(FROM, TO)).containsExactly(
				new SlaCompliance.KindCompliance(ClockKind.TRIAGE, 2, 1),
				new SlaCompliance.KindCompliance(ClockKind.FIRST_RESPONSE, 0, 2),
				new SlaCompliance.KindCompliance(ClockKind.NOTIFICATION, 0, 0),
				new SlaCompliance.KindCompliance(ClockKind.MILESTONE, 1, 0));
	}

	@Test
	void aPeriodThatEndsWhereItStartsIsRefusedNamingTo() {
		assertThatThrownBy(() -> compliance.byKind(FROM, FROM)).isInstanceOf(InvalidFieldException.class)
			.extracting(ex -> ((InvalidFieldException) ex).field())
			.isEqualTo("to");
	}

	/** A finished or paused clock of its own risk key (one clock per risk and kind), no due instant to act on. */
	private void clock(ClockKind kind, ClockState state, Instant startedAt) {
		jdbc.sql("""
				insert into sla_clock (risk_key, kind, severity, target, business_time, calendar_name, time_zone, country,
				  total_seconds, started_at, remaining_seconds, measured_at, state, version)
				values (:risk, :kind, 'S2', 'PT4H', false, 'default', 'UTC', 'US', 14400, :started, 0, :started, :state, 0)""")
			.param("risk", prefix + clocks++)
			.param("kind", kind.name())
			.param("started", Timestamp.from(startedAt))
			.param("state", state.name())
			.update();
	}

}
