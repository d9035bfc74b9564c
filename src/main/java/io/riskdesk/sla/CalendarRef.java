package io.riskdesk.sla;

import java.time.ZoneId;

/** Which business calendar a clock counts in: the account's calendar name, time zone and country. */
record CalendarRef(String name, ZoneId zone, String country) {
}
