package io.riskdesk.progress;

import java.time.Instant;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskDescriptor;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Each risk being worked has one db-scheduler task, keyed by its risk key, at the instant its
 * next progress update is due: persistent across restarts (an instant missed while down fires
 * at the next start) and run by one node only. An update, a severity change or a reopening moves
 * it; resolving cancels it. A task that is running when its risk changes cannot be moved: when
 * it completes it reads the risk again and re-arms itself at the new due instant, or ends.
 */
@Configuration(proxyBeanMethods = false)
class StaleChecks {

	static final TaskDescriptor<String> CHECK = TaskDescriptor.of("progress-stale-check", String.class);

	@Bean
	Task<String> progressStaleCheck(@Lazy ProgressUpdates progress) {
		return Tasks.custom(CHECK).execute((instance, context) -> {
			String riskKey = instance.getData();
			progress.check(riskKey, context.getExecution().executionTime);
			return (CompletionHandler<String>) (complete, operations) -> progress.nextCheck(riskKey)
				.ifPresentOrElse(at -> operations.reschedule(complete, at), operations::remove);
		});
	}

	static void schedule(SchedulerClient scheduler, String riskKey, Instant at) {
		try {
			scheduler.schedule(CHECK.instance(riskKey).data(riskKey).scheduledTo(at),
					SchedulerClient.ScheduleOptions.WHEN_EXISTS_RESCHEDULE);
		}
		catch (TaskInstanceCurrentlyExecutingException ex) {
			// It re-arms itself at this due instant when it completes.
		}
	}

	static void cancel(SchedulerClient scheduler, String riskKey) {
		try {
			scheduler.cancel(TaskInstanceId.of(CHECK.getTaskName(), riskKey));
		}
		catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException ex) {
			// None was scheduled (its stale event was raised), or the running one ends itself when it completes.
		}
	}

}
