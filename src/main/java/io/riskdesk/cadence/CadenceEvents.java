package io.riskdesk.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** The facts of risks' cadences, one record each, published in the transaction that makes them; each is a timeline line. */
public final class CadenceEvents {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private CadenceEvents() {
	}

	/** The schedule was set up, or set up again with another time, length or first day. */
	public record CadenceScheduled(String riskKey, Cadence cadence, LocalTime timeOfDay, int minutes, LocalDate startsOn,
			String timeZone, String actor, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.MEETING;
		}

		public String summary() {
			return "Cadence " + cadence + ": meetings at " + timeOfDay + " " + timeZone + " for " + minutes
					+ " minutes from " + startsOn;
		}

		public Map<String, Object> details() {
			return Map.of("cadence", cadence.name(), "timeOfDay", timeOfDay.toString(), "minutes", minutes);
		}
	}

	/** The risk's cadence changed (it followed a new severity, or was edited): the meetings are planned anew. */
	public record CadenceReplanned(String riskKey, Cadence from, Cadence to, LocalDate startsOn, String actor,
			Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.MEETING;
		}

		public String summary() {
			return "Cadence re-planned: " + from + " -> " + to + " from " + startsOn;
		}

		public String before() {
			return from.name();
		}

		public String after() {
			return to.name();
		}
	}

	/** No more meetings: the risk was resolved or closed; the invite is cancelled. */
	public record CadenceEnded(String riskKey, String reason, String actor, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.MEETING;
		}

		public String summary() {
			return "Cadence ended: " + reason + "; the meeting invite is cancelled";
		}
	}

	/** A meeting was held and recorded, with who attended and what it decided and assigned. */
	public record MeetingHeld(String riskKey, long meetingId, LocalDateTime localHeldAt, String timeZone,
			List<String> attendees, int decisions, int actionItems, String actor, Instant at) implements TimelineFact {

		public TimelineKind kind() {
			return TimelineKind.MEETING;
		}

		/** "Meeting held 2026-12-01 15:00 Europe/Berlin: attendees Alex Johnson, Dana Fox; 2 decisions, 1 action item". */
		public String summary() {
			return "Meeting held " + LOCAL.format(localHeldAt) + " " + timeZone + ": attendees "
					+ String.join(", ", attendees) + "; " + count(decisions, "decision") + ", "
					+ count(actionItems, "action item");
		}

		public Map<String, Object> details() {
			return Map.of("meeting", meetingId, "attendees", attendees);
		}

		private static String count(int n, String noun) {
			return n + " " + noun + (n == 1 ? "" : "s");
		}
	}

}
