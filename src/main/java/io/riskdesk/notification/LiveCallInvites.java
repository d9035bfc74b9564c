package io.riskdesk.notification;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;

import io.riskdesk.sla.BusinessCalendar;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/** The S0 live call: when it starts, and its calendar invite. */
final class LiveCallInvites {

	/** How long the call is planned to last, and so how much of the business day it needs. */
	static final Duration CALL_LENGTH = Duration.ofHours(1);

	/** Notice people get before the call starts. */
	static final Duration NOTICE = Duration.ofMinutes(30);

	private static final long HALF_HOUR_SECONDS = 30 * 60;

	private static final String PRODUCT = "-//Riskdesk//Live calls//EN";

	private static final TimeZoneRegistry ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

	private LiveCallInvites() {
	}

	/**
	 * When to hold an S0 call asked for at {@code now}: the same business day when possible. That
	 * is the first half-hour boundary at least {@link #NOTICE 30 minutes} after {@code now} (10:07
	 * gives 11:00, 10:00 gives 10:30) from which a whole {@link #CALL_LENGTH hour} of working time
	 * follows without a break, on the business day of the next business moment; asked before
	 * opening, the call is at opening (or the first such boundary after it), asked during lunch
	 * of a split day, after lunch. When no such hour is left that day (asked at 16:10 of a
	 * 09:00-17:00 day, on a weekend or a holiday), the call is at the next business day's opening.
	 * Half hours are counted on UTC, which is :00 and :30 local in all zones but those with quarter-
	 * hour offsets (Nepal, Chatham), where they are :15 and :45.
	 */
	static Instant callStart(BusinessCalendar calendar, Instant now) {
		Instant earliest = halfHourFrom(now.plus(NOTICE));
		Instant dayEnd = calendar.endOfBusinessDay(earliest);
		for (Instant start = halfHourFrom(calendar.nextBusinessMoment(earliest)); !start.plus(CALL_LENGTH)
			.isAfter(dayEnd); start = start.plusSeconds(HALF_HOUR_SECONDS)) {
			if (calendar.between(start, start.plus(CALL_LENGTH)).equals(CALL_LENGTH)) {
				return start;
			}
		}
		return calendar.nextBusinessMoment(dayEnd);
	}

	/** {@code t} if it is on a half hour, else the next half hour. */
	private static Instant halfHourFrom(Instant t) {
		long second = t.getEpochSecond();
		if (t.getNano() == 0 && second % HALF_HOUR_SECONDS == 0) {
			return t;
		}
		return Instant.ofEpochSecond(Math.floorDiv(second, HALF_HOUR_SECONDS) * HALF_HOUR_SECONDS + HALF_HOUR_SECONDS);
	}

	/**
	 * The invite to {@code call} as iCalendar text (METHOD:REQUEST): one VEVENT with the call's UID,
	 * SEQUENCE 0, DTSTAMP {@code stamp}, DTSTART in the call's zone with its VTIMEZONE, DURATION,
	 * SUMMARY, DESCRIPTION, the organizer and every attendee as a required participant asked to answer.
	 * @throws IllegalArgumentException if the zone is not in the iCalendar time-zone registry
	 */
	static String ics(LiveCall call, Instant stamp) {
		TimeZone zone = ZONES.getTimeZone(call.zone().getId());
		if (zone == null) {
			throw new IllegalArgumentException("no iCalendar time zone for " + call.zone().getId());
		}
		VEvent event = new VEvent(call.start().atZone(call.zone()), call.duration(), call.summary());
		event.replace(new DtStamp(stamp));
		event.add(new Uid(call.uid()));
		event.add(new Sequence(0));
		if (call.description() != null) {
			event.add(new Description(call.description()));
		}
		event.add(new Organizer(mailto(call.organizerEmail())));
		for (LiveCall.Attendee person : call.attendees()) {
			Attendee attendee = new Attendee(mailto(person.email()));
			if (person.name() != null) {
				attendee.add(new Cn(person.name()));
			}
			attendee.add(Role.REQ_PARTICIPANT);
			attendee.add(PartStat.NEEDS_ACTION);
			attendee.add(Rsvp.TRUE);
			event.add(attendee);
		}
		Calendar calendar = new Calendar().add(new ProdId(PRODUCT))
			.add(ImmutableVersion.VERSION_2_0)
			.add(ImmutableCalScale.GREGORIAN)
			.add(ImmutableMethod.REQUEST);
		calendar.add(zone.getVTimeZone());
		calendar.add(event);
		return calendar.toString();
	}

	private static URI mailto(String email) {
		try {
			return new URI("mailto", email, null);
		}
		catch (URISyntaxException ex) {
			// Cannot happen: this constructor quotes what a URI cannot hold.
			throw new IllegalStateException(ex);
		}
	}

}
