package io.riskdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.Severity;
import io.riskdesk.core.InvalidFieldException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** How well the team keeps the playbook's promises, per severity. */
@Component
public class SlaCompliance {

	private final JdbcClient jdbc;

	SlaCompliance(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param met clocks met on time
	 * @param breached clocks that breached (met late or not at all)
	 * @param medianTimeToTriage wall-clock time from detection to triage done, null without data
	 * @param medianTimeToFirstResponse wall-clock time from detection to first response, null without data
	 */
	public record SeverityCompliance(Severity severity, long met, long breached, Duration medianTimeToTriage,
			Duration medianTimeToFirstResponse) {
	}

	@Transactional(readOnly = true)
	public List<SeverityCompliance> between(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw new InvalidFieldException("to", "must be after from");
		}
		return jdbc.sql("""
				select s.severity,
				       count(c.id) filter (where c.state = 'MET') as met,
				       count(c.id) filter (where c.state = 'BREACHED') as breached,
				       percentile_cont(0.5) within group (order by extract(epoch from c.met_at - c.started_at))
				           filter (where c.kind = 'TRIAGE' and c.met_at is not null) as triage_seconds,
				       percentile_cont(0.5) within group (order by extract(epoch from c.met_at - c.started_at))
				           filter (where c.kind = 'FIRST_RESPONSE' and c.met_at is not null) as response_seconds
				from unnest(array['S0', 'S1', 'S2', 'S3']) as s(severity)
				left join sla_clock c on c.severity = s.severity and c.started_at >= :from and c.started_at < :to
				group by s.severity order by s.severity""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new SeverityCompliance(Severity.valueOf(rs.getString("severity")), rs.getLong("met"),
					rs.getLong("breached"), seconds(rs.getObject("triage_seconds")),
					seconds(rs.getObject("response_seconds"))))
			.list();
	}

	/** Clocks of one kind started in a period: met on time, and breached (met late or not at all). */
	public record KindCompliance(ClockKind kind, long met, long breached) {
	}

	/** Per clock kind, every kind present (zero when none), the clocks started from {@code from} until {@code to}. */
	@Transactional(readOnly = true)
	public List<KindCompliance> byKind(Instant from, Instant to) {
		if (!to.isAfter(from)) {
			throw new InvalidFieldException("to", "must be after from");
		}
		Map<ClockKind, KindCompliance> counted = new EnumMap<>(ClockKind.class);
		for (ClockKind kind : ClockKind.values()) {
			counted.put(kind, new KindCompliance(kind, 0, 0));
		}
		jdbc.sql("""
				select kind, count(*) filter (where state = 'MET') as met,
				       count(*) filter (where state = 'BREACHED') as breached
				from sla_clock where started_at >= :from and started_at < :to group by kind""")
			.param("from", Timestamp.from(from))
			.param("to", Timestamp.from(to))
			.query((rs, n) -> new KindCompliance(ClockKind.valueOf(rs.getString("kind")), rs.getLong("met"),
					rs.getLong("breached")))
			.list()
			.forEach(compliance -> counted.put(compliance.kind(), compliance));
		return List.copyOf(counted.values());
	}

	private static Duration seconds(Object value) {
		return value == null ? null : Duration.ofSeconds(Math.round(((Number) value).doubleValue()));
	}

}
