package io.riskdesk.risk;

import java.time.Clock;
import java.time.Year;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Hands out register keys such as RISK-2026-0042: numbered per year, without gaps in a
 * committed sequence. The counter row is locked by the upsert until the transaction ends,
 * so concurrent creations wait for each other instead of taking the same number.
 */
@Component
class RiskKeys {

	private final JdbcClient jdbc;

	private final Clock clock;

	RiskKeys(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	String next() {
		int year = Year.now(clock).getValue();
		int number = jdbc.sql("""
				insert into risk_key_counter (year, last_value) values (:year, 1)
				on conflict (year) do update set last_value = risk_key_counter.last_value + 1
				returning last_value""")
			.param("year", year)
			.query(Integer.class)
			.single();
		return "RISK-%d-%04d".formatted(year, number);
	}

}
