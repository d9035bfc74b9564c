package io.riskdesk.cadence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One meeting of a risk's cadence: when it starts and ends, its start in the account's time zone,
 * and the planned day it moved from when that was not a business day (null when it did not move).
 */
public record ScheduledMeeting(Instant start, Instant end, LocalDateTime localStart, LocalDate movedFrom) {
}
