package io.riskdesk.report;

import java.time.format.TextStyle;
import java.util.Locale;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The executive digest as a db-scheduler recurring task, like the weekly digest of the notification
 * module: kept in PostgreSQL, run on one node once a week, a run missed while every node was down
 * run at the next start; it digests the week it was scheduled in. Disabled, its schedule is "-":
 * nothing runs.
 */
@Configuration(proxyBeanMethods = false)
class ExecutiveDigestSchedule {

	static final String TASK = "executive-digest";

	@Bean
	Task<Void> executiveDigest(@Lazy ExecutiveDigests digests, ExecutiveDigestProperties properties) {
		return Tasks.recurring(TASK, schedule(properties))
			.execute((instance, context) -> digests.run(context.getExecution().executionTime));
	}

	/** "0 0 7 * * MON" in the digest's zone; "-" when it is off. */
	static CronSchedule schedule(ExecutiveDigestProperties properties) {
		if (!properties.enabled()) {
			return Schedules.cron("-", properties.zoneId());
		}
		String day = properties.dayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
		return Schedules.cron("%d %d %d * * %s".formatted(properties.time().getSecond(), properties.time().getMinute(),
				properties.time().getHour(), day), properties.zoneId());
	}

}
