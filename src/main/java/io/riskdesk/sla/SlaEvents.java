package io.riskdesk.sla;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;
import io.riskdesk.web.Labels;

/**
 * What happens to SLA clocks, one record per fact, published in the transaction that makes it
 * and written on the risk's timeline. {@link ClockWarned} and {@link ClockBreached} are for
 * whoever must act (notifications); the others narrate.
 */
public final class SlaEvents {

	private SlaEvents() {
	}

	/** A fact about a risk's clock, told by the SLA clocks themselves. */
	public interface ClockFact extends TimelineFact {

		/** Which clock. */
		ClockKind clock();

		default TimelineKind kind() {
			return TimelineKind.SLA;
		}

		default String actor() {
			return "sla";
		}
	}

	/** A clock passed its warning point: the promise is at risk. */
	public record ClockWarned(String riskKey, ClockKind clock, String target, Instant dueAt, Instant at)
			implements ClockFact {

		public String summary() {
			return "SLA warning: " + named(clock) + " clock (" + target + ") is due " + minutes(dueAt);
		}

		public Map<String, Object> details() {
			return Map.of("clock", clock.name(), "event", "WARNING", "dueAt", dueAt.toString());
		}
	}

	/** A clock passed its due instant without being met; {@code dueAt} is when it breached. */
	public record ClockBreached(String riskKey, ClockKind clock, String target, Instant dueAt, Instant at)
			implements ClockFact {

		public String summary() {
			return "SLA breached: " + named(clock) + " clock (" + target + ") was due " + minutes(dueAt);
		}

		public Map<String, Object> details() {
			return Map.of("clock", clock.name(), "event", "BREACH", "dueAt", dueAt.toString());
		}
	}

	public record ClockPaused(String riskKey, ClockKind clock, String reason, Instant at) implements ClockFact {

		public String summary() {
			return Labels.of(clock) + " clock paused: " + reason;
		}

		public Map<String, Object> details() {
			return Map.of("clock", clock.name(), "event", "PAUSED");
		}
	}

	public record ClockResumed(String riskKey, ClockKind clock, Instant dueAt, Instant at) implements ClockFact {

		public String summary() {
			return Labels.of(clock) + " clock resumed, now due " + minutes(dueAt);
		}

		public Map<String, Object> details() {
			return Map.of("clock", clock.name(), "event", "RESUMED", "dueAt", dueAt.toString());
		}
	}

	/** A new severity moved a counting clock's target; {@code dueAt} is null while it is paused. */
	public record ClockRetargeted(String riskKey, ClockKind clock, String target, Instant dueAt, Instant at)
			implements ClockFact {

		public String summary() {
			return Labels.of(clock) + " clock re-targeted to " + target + (dueAt == null ? "" : ", due " + minutes(dueAt));
		}

		public Map<String, Object> details() {
			return Map.of("clock", clock.name(), "event", "RETARGETED", "target", target);
		}
	}

	/** An escalation after the notification: the new level's stakeholders are owed one. */
	public record NotificationReopened(String riskKey, String target, Instant dueAt, Instant at) implements ClockFact {

		public ClockKind clock() {
			return ClockKind.NOTIFICATION;
		}

		public String summary() {
			return "Notification clock re-opened for " + target
					+ ": the stakeholders of the new severity are owed a notification, due " + minutes(dueAt);
		}

		public Map<String, Object> details() {
			return Map.of("clock", clock().name(), "event", "REOPENED", "target", target);
		}
	}

	/** The promise was kept; {@code late} when the clock had breached first. */
	public record ClockMet(String riskKey, ClockKind clock, boolean late, Instant at) implements ClockFact {

		public String summary() {
			return Labels.of(clock) + " clock met" + (late ? " late (it had breached)" : "");
		}

		public Map<String, Object> details() {
			return Map.of("clock", clock.name(), "event", late ? "MET_LATE" : "MET");
		}
	}

	/** The risk was resolved: these clocks stopped counting. */
	public record ClocksStopped(String riskKey, List<ClockKind> clocks, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.SLA;
		}

		public String actor() {
			return "sla";
		}

		public String summary() {
			return "SLA clocks stopped, the risk is resolved: "
					+ named(clocks);
		}

		public Map<String, Object> details() {
			return Map.of("event", "STOPPED", "clocks", clocks.stream().map(ClockKind::name).toList());
		}
	}

	/** Instants in timeline text to the minute, in UTC; the details keep them exact. */
	static String minutes(Instant instant) {
		return MINUTES.format(instant);
	}

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** A clock's name inside a sentence: "the first response clock". */
	private static String named(ClockKind clock) {
		return Labels.of(clock).toLowerCase(Locale.ROOT);
	}

	private static String named(List<ClockKind> clocks) {
		return String.join(", ", clocks.stream().map(SlaEvents::named).toList());
	}

}
