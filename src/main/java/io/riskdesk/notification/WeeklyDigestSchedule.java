package io.riskdesk.notification;

import java.time.format.TextStyle;
import java.util.Locale;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import io.riskdesk.playbook.NotificationPolicy;
import io.riskdesk.playbook.Playbook;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * The weekly digest as a db-scheduler recurring task: kept in PostgreSQL, so with several nodes
 * on one database it runs on one node, once a week, and a run missed while every node was down
 * runs at the next start. It digests the week it was scheduled in, so a late or repeated run
 * queues nothing twice. {@code enabled: false} gives it a disabled schedule: nothing runs, and
 * db-scheduler removes an instance scheduled before.
 */
@Configuration(proxyBeanMethods = false)
class WeeklyDigestSchedule {

	static final String TASK = "weekly-digest";

	@Bean
	Task<Void> weeklyDigest(@Lazy WeeklyDigests digests, Playbook playbook) {
		return Tasks.recurring(TASK, schedule(playbook.notifications().weeklyDigest()))
			.execute((instance, context) -> digests.run(context.getExecution().executionTime));
	}

	/** "0 0 8 * * MON" in the digest's zone; "-" (disabled) when the digest is off. */
	static CronSchedule schedule(NotificationPolicy.WeeklyDigest policy) {
		if (!policy.enabled()) {
			return Schedules.cron("-", policy.zone());
		}
		String day = policy.day().getDisplayName(TextStyle.SHORT, Locale.ENGLISH).toUpperCase(Locale.ROOT);
		return Schedules.cron("%d %d %d * * %s".formatted(policy.time().getSecond(), policy.time().getMinute(),
				policy.time().getHour(), day), policy.zone());
	}

}
