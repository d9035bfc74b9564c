package io.riskdesk.notification;

import java.io.StringReader;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.playbook.CalendarSpec.Window;
import io.riskdesk.sla.BusinessCalendar;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** When an S0 call is held, and its invite read back with ical4j. */
class LiveCallInvitesTest {

	private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");

	/** Monday to Friday 09:00-17:00 in New York; Thanksgiving (Thursday 2026-11-26) closed. */
	private static final BusinessCalendar NEW_YORK_OFFICE = new BusinessCalendar(NEW_YORK,
			weekdays(new Window(9 * 60, 17 * 60)), Set.of(LocalDate.parse("2026-11-26"))::contains);

	private static final BusinessCalendar TOKYO_OFFICE = new BusinessCalendar(TOKYO, weekdays(new Window(9 * 60, 18 * 60)),
			date -> false);

	/** 08:00-12:00 and 13:00-17:00: a lunch break. */
	private static final BusinessCalendar ZURICH_OFFICE = new BusinessCalendar(ZURICH,
			weekdays(new Window(8 * 60, 12 * 60), new Window(13 * 60, 17 * 60)), date -> false);

	private static Map<DayOfWeek, List<Window>> weekdays(Window... windows) {
		Map<DayOfWeek, List<Window>> week = new EnumMap<>(DayOfWeek.class);
		for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
				DayOfWeek.FRIDAY)) {
			week.put(day, List.of(windows));
		}
		return week;
	}

	private static Instant at(String localDateTime, ZoneId zone) {
		return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
	}

	private static Instant callStart(BusinessCalendar calendar, String localNow, ZoneId zone) {
		return LiveCallInvites.callStart(calendar, at(localNow, zone));
	}

	@Test
	void inTheMorningTheCallIsTheNextHalfHourAfterHalfAnHoursNotice() {
		// Tuesday 2026-11-24.
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T10:07", NEW_YORK)).isEqualTo(at("2026-11-24T11:00", NEW_YORK));
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T10:00", NEW_YORK)).isEqualTo(at("2026-11-24T10:30", NEW_YORK));
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T10:00:00.001", NEW_YORK))
			.isEqualTo(at("2026-11-24T11:00", NEW_YORK));
	}

	@Test
	void beforeOpeningTheCallIsAtOpening() {
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T07:00", NEW_YORK)).isEqualTo(at("2026-11-24T09:00", NEW_YORK));
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T08:45", NEW_YORK)).isEqualTo(at("2026-11-24T09:30", NEW_YORK));
	}

	@Test
	void whenNoHourIsLeftTheCallIsAtTheNextBusinessDaysOpening() {
		// 16:00 is the last start whose hour ends by 17:00.
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T15:30", NEW_YORK)).isEqualTo(at("2026-11-24T16:00", NEW_YORK));
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T15:31", NEW_YORK)).isEqualTo(at("2026-11-25T09:00", NEW_YORK));
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T16:40", NEW_YORK)).isEqualTo(at("2026-11-25T09:00", NEW_YORK));
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-24T22:00", NEW_YORK)).isEqualTo(at("2026-11-25T09:00", NEW_YORK));
	}

	@Test
	void weekendsAndHolidaysMoveTheCallToTheNextBusinessDay() {
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-21T12:00", NEW_YORK)).isEqualTo(at("2026-11-23T09:00", NEW_YORK));
		// Friday afternoon: Monday.
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-20T16:40", NEW_YORK)).isEqualTo(at("2026-11-23T09:00", NEW_YORK));
		// The eve of Thanksgiving: the Friday after it.
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-25T16:45", NEW_YORK)).isEqualTo(at("2026-11-27T09:00", NEW_YORK));
		assertThat(callStart(NEW_YORK_OFFICE, "2026-11-26T10:00", NEW_YORK)).isEqualTo(at("2026-11-27T09:00", NEW_YORK));
	}

	@Test
	void theBusinessDayIsTheOneOfTheCalendarsZone() {
		// Monday 2026-11-30 in Tokyo (UTC+9): 14:10 gives 15:00 local, 06:00 UTC.
		assertThat(callStart(TOKYO_OFFICE, "2026-11-30T14:10", TOKYO)).isEqualTo(Instant.parse("2026-11-30T06:00:00Z"));
		assertThat(callStart(TOKYO_OFFICE, "2026-11-30T17:20", TOKYO)).isEqualTo(at("2026-12-01T09:00", TOKYO));
		// Friday 23:30 UTC is already Saturday in Tokyo: Monday's opening.
		assertThat(LiveCallInvites.callStart(TOKYO_OFFICE, Instant.parse("2026-12-04T23:30:00Z")))
			.isEqualTo(at("2026-12-07T09:00", TOKYO));
	}

	@Test
	void theCallNeedsAnUnbrokenHourSoALunchBreakPushesItToTheAfternoon() {
		// Tuesday 2026-11-24 in Zurich: 11:00-12:00 still fits before lunch, 11:30 would run into it.
		assertThat(callStart(ZURICH_OFFICE, "2026-11-24T10:00", ZURICH)).isEqualTo(at("2026-11-24T10:30", ZURICH));
		assertThat(callStart(ZURICH_OFFICE, "2026-11-24T10:30", ZURICH)).isEqualTo(at("2026-11-24T11:00", ZURICH));
		assertThat(callStart(ZURICH_OFFICE, "2026-11-24T10:31", ZURICH)).isEqualTo(at("2026-11-24T13:00", ZURICH));
		assertThat(callStart(ZURICH_OFFICE, "2026-11-24T12:15", ZURICH)).isEqualTo(at("2026-11-24T13:00", ZURICH));
	}

	private static final Instant START = at("2026-11-24T11:00", NEW_YORK);

	private static LiveCall call(ZoneId zone) {
		return new LiveCall("live-call-RISK-2026-0042-1@riskdesk", START, Duration.ofHours(1), zone,
				"S0 live call: Zürich AG outage (RISK-2026-0042)", "Bridge: https://meet.example.com/r42; agenda: status, ETA.",
				"riskdesk@example.com",
				List.of(new LiveCall.Attendee("Jonas Berg", "jonas.berg@example.com"),
						new LiveCall.Attendee("Müller, Anna; Zürich AG", "anna.mueller@zurich-ag.example"),
						new LiveCall.Attendee(null, "oncall@example.com")));
	}

	private static Calendar parse(String ics) throws Exception {
		return new CalendarBuilder().build(new StringReader(ics));
	}

	private static String value(Component component, String property) {
		return component.getProperty(property).map(Property::getValue).orElse(null);
	}

	@Test
	void theInviteIsARequestForOneEventInTheCallsZone() throws Exception {
		Calendar calendar = parse(LiveCallInvites.ics(call(NEW_YORK), Instant.parse("2026-11-24T15:31:00Z")));

		assertThat(calendar.getProperty(Property.METHOD).map(Property::getValue)).contains("REQUEST");
		assertThat(calendar.getProperty(Property.PRODID).map(Property::getValue)).contains("-//Riskdesk//Live calls//EN");
		assertThat(calendar.<CalendarComponent>getComponents(Component.VTIMEZONE)).singleElement()
			.satisfies(zone -> assertThat(value(zone, Property.TZID)).isEqualTo("America/New_York"));
		List<VEvent> events = calendar.getComponents(Component.VEVENT);
		assertThat(events).hasSize(1);
		VEvent event = events.get(0);
		DtStart<Temporal> start = event.getDateTimeStart();
		assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("America/New_York");
		assertThat(start.getValue()).isEqualTo("20261124T110000");
		assertThat(ZonedDateTime.from(start.getDate()).toInstant()).isEqualTo(START);
		assertThat(value(event, Property.DURATION)).isEqualTo("PT1H");
		assertThat(value(event, Property.UID)).isEqualTo("live-call-RISK-2026-0042-1@riskdesk");
		assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
		assertThat(value(event, Property.DTSTAMP)).isEqualTo("20261124T153100Z");
		assertThat(value(event, Property.SUMMARY)).isEqualTo("S0 live call: Zürich AG outage (RISK-2026-0042)");
		assertThat(value(event, Property.DESCRIPTION)).isEqualTo("Bridge: https://meet.example.com/r42; agenda: status, ETA.");
		assertThat(value(event, Property.ORGANIZER)).isEqualToIgnoringCase("mailto:riskdesk@example.com");
	}

	@Test
	void everyAttendeeIsARequiredParticipantAskedToAnswer() throws Exception {
		VEvent event = parse(LiveCallInvites.ics(call(NEW_YORK), START)).<VEvent>getComponents(Component.VEVENT).get(0);

		List<Property> attendees = event.getProperties(Property.ATTENDEE);
		assertThat(attendees).extracting(Property::getValue)
			.containsExactly("mailto:jonas.berg@example.com", "mailto:anna.mueller@zurich-ag.example",
					"mailto:oncall@example.com");
		assertThat(attendees).extracting(attendee -> attendee.getParameter(Parameter.CN).map(Parameter::getValue).orElse(null))
			.containsExactly("Jonas Berg", "Müller, Anna; Zürich AG", null);
		assertThat(attendees).allSatisfy(attendee -> {
			assertThat(attendee.getParameter(Parameter.ROLE).map(Parameter::getValue)).contains("REQ-PARTICIPANT");
			assertThat(attendee.getParameter(Parameter.PARTSTAT).map(Parameter::getValue)).contains("NEEDS-ACTION");
			assertThat(attendee.getParameter(Parameter.RSVP).map(Parameter::getValue)).contains("TRUE");
		});
	}

	@Test
	void aTokyoCallShowsTokyoTime() throws Exception {
		Calendar calendar = parse(LiveCallInvites.ics(call(TOKYO), START));

		assertThat(calendar.<CalendarComponent>getComponents(Component.VTIMEZONE)).singleElement()
			.satisfies(zone -> assertThat(value(zone, Property.TZID)).isEqualTo("Asia/Tokyo"));
		DtStart<Temporal> start = calendar.<VEvent>getComponents(Component.VEVENT).get(0).getDateTimeStart();
		assertThat(start.getParameter(Parameter.TZID).map(Parameter::getValue)).contains("Asia/Tokyo");
		// 11:00 in New York is 01:00 the next day in Tokyo.
		assertThat(start.getValue()).isEqualTo("20261125T010000");
	}

	@Test
	void utcWorksButAZoneTheRegistryLacksIsRefused() throws Exception {
		assertThat(parse(LiveCallInvites.ics(call(ZoneId.of("UTC")), START)).<VEvent>getComponents(Component.VEVENT)
			.get(0)
			.getDateTimeStart()
			.getValue()).isEqualTo("20261124T160000");
		assertThatThrownBy(() -> LiveCallInvites.ics(call(ZoneId.of("+03:00")), START))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("+03:00");
	}

	@Test
	void addressesMustBeEmailAddresses() {
		assertThatThrownBy(() -> new LiveCall.Attendee("X", "jonas berg")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("jonas berg");
		assertThatThrownBy(() -> new LiveCall("u", START, Duration.ofHours(1), NEW_YORK, "s", null, "riskdesk", List.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("organizer");
	}

}
