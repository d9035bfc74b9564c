package io.riskdesk.risk;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.riskdesk.core.ShortLivedCache;
import io.riskdesk.playbook.Severity;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The register's operations figures for Prometheus: unresolved risks by severity, and those of
 * them at risk of or past an SLA promise. Read from the database (one query, cached for
 * {@code riskdesk.metrics.cache-for}), so every node reports the same totals.
 */
@Component
class RiskMetrics implements MeterBinder {

	/** The tag of an unresolved risk that has no severity yet. */
	static final String NO_SEVERITY = "NONE";

	private static final List<String> SEVERITIES = Stream
		.concat(Arrays.stream(Severity.values()).map(Severity::name), Stream.of(NO_SEVERITY))
		.toList();

	private final ShortLivedCache<Map<Group, Long>> counts;

	RiskMetrics(JdbcClient jdbc, @Value("${riskdesk.metrics.cache-for}") Duration cacheFor) {
		this.counts = ShortLivedCache.of(cacheFor, () -> jdbc.sql("""
				select coalesce(r.severity, :none) as severity, coalesce(s.sla_status, 'ON_TRACK') as sla_status, count(*)
				from risk r
				left join sla_risk_status s on s.risk_key = r.risk_key
				where r.status in ('OPEN', 'TRIAGED', 'ACTIVE')
				group by 1, 2""")
			.param("none", NO_SEVERITY)
			.query((rs, row) -> Map.entry(new Group(rs.getString(1), SlaStatus.valueOf(rs.getString(2))), rs.getLong(3)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String severity : SEVERITIES) {
			Gauge.builder("riskdesk.risks.open", counts, c -> count(c.get(), severity, null))
				.description("Unresolved risks (Open, Triaged, Active)")
				.tag("severity", severity)
				.strongReference(true)
				.register(registry);
			for (SlaStatus status : List.of(SlaStatus.AT_RISK, SlaStatus.BREACHED)) {
				Gauge.builder("riskdesk.risks.sla", counts, c -> count(c.get(), severity, status))
					.description("Unresolved risks with a clock past its warning point (AT_RISK) or breached (BREACHED)")
					.tag("severity", severity)
					.tag("status", status.name())
					.strongReference(true)
					.register(registry);
			}
		}
	}

	/** Of this severity, and of this SLA status unless null. */
	private static double count(Map<Group, Long> counts, String severity, SlaStatus status) {
		return counts.entrySet()
			.stream()
			.filter(e -> e.getKey().severity().equals(severity) && (status == null || e.getKey().sla() == status))
			.mapToLong(Map.Entry::getValue)
			.sum();
	}

	private record Group(String severity, SlaStatus sla) {
	}

}
