package io.riskdesk.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import io.riskdesk.playbook.Cadence;

/**
 * A risk's meeting schedule as the API shows it, with its next meetings (none once ended).
 * {@code uid} names the series in calendars for good; {@code sequence} grows with every re-plan
 * and with the end, so calendars replace the invite they hold. {@code version} grows with every
 * change; a change sends the one it read (If-Match).
 */
public record CadencePlan(String riskKey, Cadence cadence, LocalTime timeOfDay, int minutes, LocalDate startsOn,
		String timeZone, String uid, int sequence, Instant endedAt, String endedReason, Instant createdAt,
		String createdBy, int version, List<ScheduledMeeting> nextMeetings) {

	public boolean ended() {
		return endedAt != null;
	}

}
