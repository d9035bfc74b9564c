package io.riskdesk.signal;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The scheduled full detection pass: a db-scheduler recurring task in PostgreSQL, so with
 * several nodes on one database it runs on one node at a time, and a pass missed while every
 * node was down runs at the next start.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DetectionProperties.class)
class DetectionSchedule {

	static final String TASK = "signal-detection";

	@Bean
	@ConditionalOnBooleanProperty(name = "riskdesk.detection.scheduled", matchIfMissing = true)
	Task<Void> signalDetection(@Lazy DetectionRuns runs, DetectionProperties properties) {
		return Tasks.recurring(TASK, FixedDelay.of(properties.interval())).execute((instance, context) -> runs.run());
	}

}
