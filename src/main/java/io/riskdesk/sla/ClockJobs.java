package io.riskdesk.sla;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Warnings and breaches are db-scheduler one-time tasks at their exact instants: persistent
 * across restarts (an instant missed while down fires at the next start), and picked by one
 * node only when several share the database. The task itself only asks the clock what is due
 * at the instant it was scheduled for (so a node whose clock is a little behind still acts), and
 * a late or repeated firing does no harm.
 */
@Configuration(proxyBeanMethods = false)
class ClockJobs {

	static final TaskDescriptor<Long> CHECK = TaskDescriptor.of("sla-clock-check", Long.class);

	@Bean
	Task<Long> slaClockCheck(@Lazy SlaClocks clocks) {
		return Tasks.oneTime(CHECK).execute((instance, context) -> {
			Instant scheduledFor = context.getExecution().executionTime;
			try {
				clocks.check(instance.getData(), scheduledFor);
			}
			catch (OptimisticLockingFailureException ex) {
				// Two checks of one clock ran at once (its warning and breach, both overdue after every node
				// was down): the other one saved first, so look again at what it left.
				clocks.check(instance.getData(), scheduledFor);
			}
		});
	}

	/** db-scheduler tells time by the application's clock, so tests can move it. */
	@Bean
	com.github.kagkarlsson.scheduler.Clock schedulerClock(java.time.Clock clock) {
		return clock::instant;
	}

	/**
	 * Schedules the check of a clock at an instant. One task per clock, purpose and instant: a
	 * moved due instant gets a new task and the old one finds nothing to do, so a task that is
	 * executing is never rescheduled under the scheduler's feet.
	 */
	static void schedule(SchedulerClient scheduler, long clockId, String purpose, Instant at) {
		scheduler.schedule(CHECK.instance(clockId + "-" + purpose + "-" + at.toEpochMilli()).data(clockId).scheduledTo(at),
				SchedulerClient.ScheduleOptions.WHEN_EXISTS_DO_NOTHING);
	}

}
