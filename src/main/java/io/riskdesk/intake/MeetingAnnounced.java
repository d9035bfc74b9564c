package io.riskdesk.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import io.riskdesk.timeline.TimelineFact;
import io.riskdesk.timeline.TimelineKind;

/** A follow-up meeting an imported document announced. */
public record MeetingAnnounced(String riskKey, LocalDate date, LocalTime time, String purpose, String actor, Instant at)
		implements TimelineFact {

	public TimelineKind kind() {
		return TimelineKind.MEETING;
	}

	public String summary() {
		return "Follow-up meeting on " + date + (time == null ? "" : " at " + time)
				+ (purpose == null || purpose.isBlank() ? "" : ": " + purpose.strip());
	}

	public Map<String, Object> details() {
		return Map.of("date", date.toString(), "time", time == null ? "" : time.toString());
	}

}
