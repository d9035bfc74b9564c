package io.riskdesk.signal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.riskdesk.core.ShortLivedCache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Detection lag for Prometheus: seconds since the scheduled full detection pass last ended well,
 * read from its db-scheduler row (one query, cached for {@code riskdesk.metrics.cache-for}), so
 * every node reports the same figure. It climbs to the interval between passes and drops back; a
 * figure well past {@code riskdesk.detection.interval} means passes fail or no node runs them. NaN
 * until the first scheduled pass ended (or with {@code riskdesk.detection.scheduled=false}).
 */
@Component
class DetectionMetrics implements MeterBinder {

	private final Clock clock;

	private final ShortLivedCache<Optional<Instant>> lastSuccess;

	DetectionMetrics(JdbcClient jdbc, Clock clock, @Value("${riskdesk.metrics.cache-for}") Duration cacheFor) {
		this.clock = clock;
		this.lastSuccess = ShortLivedCache.of(cacheFor, () -> jdbc.sql("""
				select max(last_success) from scheduled_tasks where task_name = :task""")
			.param("task", DetectionSchedule.TASK)
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single());
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("riskdesk.detection.lag", lastSuccess,
				last -> last.get().map(at -> (double) Duration.between(at, clock.instant()).toSeconds()).orElse(Double.NaN))
			.description("Seconds since the scheduled detection pass last ended well")
			.baseUnit("seconds")
			.register(registry);
	}

}
