package io.riskdesk.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

import io.riskdesk.playbook.Cadence;

/** A row of cadence_schedule: the risk's meeting schedule as stored. */
record Schedule(String riskKey, String uid, Cadence cadence, LocalTime timeOfDay, int minutes, LocalDate startsOn,
		int sequence, Instant endedAt, String endedReason, Instant createdAt, String createdBy, int version) {

	boolean ended() {
		return endedAt != null;
	}

}
