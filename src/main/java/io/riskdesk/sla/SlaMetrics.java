package io.riskdesk.sla;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.riskdesk.core.ShortLivedCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every SLA warning and breach so far, per clock kind, as counters for Prometheus (their rate is
 * warnings and breaches per unit of time). Counted in the database (one query, cached for
 * {@code riskdesk.metrics.cache-for}), so every node reports the same totals.
 */
@Component
class SlaMetrics implements MeterBinder {

	private final ShortLivedCache<Map<ClockKind, Totals>> totals;

	SlaMetrics(JdbcClient jdbc, @Value("${riskdesk.metrics.cache-for}") Duration cacheFor) {
		this.totals = ShortLivedCache.of(cacheFor, () -> jdbc.sql("""
				select kind, count(warned_at), count(breached_at) from sla_clock group by kind""")
			.query((rs, row) -> Map.entry(ClockKind.valueOf(rs.getString(1)), new Totals(rs.getLong(2), rs.getLong(3))))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ClockKind kind : ClockKind.values()) {
			FunctionCounter.builder("riskdesk.sla.warnings", totals, t -> of(t.get(), kind).warnings())
				.description("SLA clocks that passed their warning point")
				.tag("kind", kind.name())
				.register(registry);
			FunctionCounter.builder("riskdesk.sla.breaches", totals, t -> of(t.get(), kind).breaches())
				.description("SLA clocks that breached")
				.tag("kind", kind.name())
				.register(registry);
		}
	}

	private static Totals of(Map<ClockKind, Totals> totals, ClockKind kind) {
		return totals.getOrDefault(kind, new Totals(0, 0));
	}

	private record Totals(long warnings, long breaches) {
	}

}
