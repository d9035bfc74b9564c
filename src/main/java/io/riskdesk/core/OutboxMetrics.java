package io.riskdesk.core;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The operations figures of an outbox, the same for every outbox: {@code <prefix>.backlog} (items
 * waiting for their first or next attempt, or being sent), {@code <prefix>.backlog.age} (seconds
 * since the oldest of them was queued; 0 without any) and {@code <prefix>.failed} (items every
 * attempt of which failed). Read from the outbox table in one query, cached for a while, so every
 * node reports the same totals. The table has the outbox columns {@code status} (PENDING, SENDING,
 * FAILED among others) and {@code created_at}.
 */
public class OutboxMetrics implements MeterBinder {

	private final String prefix;

	private final String what;

	private final ShortLivedCache<Figures> figures;

	/**
	 * @param table the outbox table (a constant of the module, never input)
	 * @param prefix the meters' name prefix, e.g. {@code riskdesk.notifications}
	 * @param what what the outbox holds, for the meters' descriptions, e.g. "messages"
	 */
	public OutboxMetrics(JdbcClient jdbc, Clock clock, Duration cacheFor, String table, String prefix, String what) {
		this.prefix = prefix;
		this.what = what;
		// Sub-selects, so each count can use the outbox's partial index on its status.
		String sql = """
				select (select count(*) from %1$s where status in ('PENDING', 'SENDING')),
				       (select min(created_at) from %1$s where status in ('PENDING', 'SENDING')),
				       (select count(*) from %1$s where status = 'FAILED')""".formatted(table);
		this.figures = ShortLivedCache.of(cacheFor, () -> jdbc.sql(sql).query((rs, row) -> {
			Timestamp oldest = rs.getTimestamp(2);
			return new Figures(rs.getLong(1),
					oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now(clock)).toSeconds()),
					rs.getLong(3));
		}).single());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(prefix + ".backlog", figures, f -> f.get().backlog())
			.description("Outbox " + what + " waiting for their first or next attempt, or being sent")
			.register(registry);
		Gauge.builder(prefix + ".backlog.age", figures, f -> f.get().oldestSeconds())
			.description("Age of the oldest " + what + " in the backlog (0 without a backlog)")
			.baseUnit("seconds")
			.register(registry);
		Gauge.builder(prefix + ".failed", figures, f -> f.get().failed())
			.description("Outbox " + what + " whose every attempt failed")
			.register(registry);
	}

	private record Figures(long backlog, long oldestSeconds, long failed) {
	}

}
