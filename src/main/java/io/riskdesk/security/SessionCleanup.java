package io.riskdesk.security;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Deletes expired UI sessions once a minute as a db-scheduler recurring task, so one node does
 * it, not every node on its own timer (Spring Session's cleanup cron is off:
 * {@code spring.session.jdbc.cleanup-cron: "-"}).
 */
@Configuration(proxyBeanMethods = false)
class SessionCleanup {

	static final String TASK = "session-cleanup";

	@Bean
	Task<Void> sessionCleanupTask(@Lazy JdbcIndexedSessionRepository sessions) {
		return Tasks.recurring(TASK, FixedDelay.ofMinutes(1)).execute((instance, context) -> sessions.cleanUpExpiredSessions());
	}

}
