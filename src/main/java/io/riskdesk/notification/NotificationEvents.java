package io.riskdesk.notification;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** What notifications write on a risk's timeline, one record per fact, in the transaction that makes it. */
public final class NotificationEvents {

	static final String ACTOR = "notifications";

	private NotificationEvents() {
	}

	/** INTERNAL_NOTES: the message itself, as a note for the team. */
	public record InternalNoteWritten(String riskKey, long notificationId, NotificationTrigger trigger, String subject,
			String text, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.NOTIFICATION;
		}

		public String actor() {
			return ACTOR;
		}

		public String summary() {
			return "Note: " + subject;
		}

		public Map<String, Object> details() {
			return Map.of("notification", notificationId, "trigger", trigger.name(), "text", text);
		}
	}

	/** Every attempt failed: somebody named by the playbook has not heard of the risk. */
	public record DeliveryFailed(String riskKey, long notificationId, Channel channel, String recipient, int attempts,
			String error, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.NOTIFICATION;
		}

		public String actor() {
			return ACTOR;
		}

		public String summary() {
			return "Notification to " + recipient + " by " + channel + " failed after " + attempts + " attempts: " + error;
		}

		public Map<String, Object> details() {
			return Map.of("notification", notificationId, "channel", channel.name(), "attempts", attempts);
		}
	}

	/** A message could not be written from its template: the change stands, and the risk says who was not told. */
	public record MessageNotQueued(String riskKey, NotificationTrigger trigger, String template, Channel channel,
			String recipient, String error, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.NOTIFICATION;
		}

		public String actor() {
			return ACTOR;
		}

		public String summary() {
			return "Not notified: " + recipient + " by " + channel + ", template " + template + " failed: " + error;
		}

		public Map<String, Object> details() {
			return Map.of("trigger", trigger.name(), "template", template, "channel", channel.name());
		}
	}

	/** A manager sent a failed message again: who, and what had failed before. */
	public record NotificationResent(String riskKey, long notificationId, Channel channel, String recipient,
			int failedAttempts, String lastError, String actor, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.NOTIFICATION;
		}

		public String summary() {
			return "Notification to " + recipient + " by " + channel + " queued again after " + failedAttempts
					+ " failed attempts" + (lastError == null ? "" : " (" + lastError + ")");
		}

		public Map<String, Object> details() {
			return Map.of("notification", notificationId, "failedAttempts", failedAttempts);
		}
	}

	/** Somebody sent the customer an update from the risk page or the API. */
	public record CustomerUpdateSent(String riskKey, List<String> recipients, String subject, List<Long> notificationIds,
			String actor, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.NOTIFICATION;
		}

		public String summary() {
			return "Customer update sent to " + String.join(", ", recipients) + ": " + subject;
		}

		public Map<String, Object> details() {
			return Map.of("notifications", notificationIds);
		}
	}

}
