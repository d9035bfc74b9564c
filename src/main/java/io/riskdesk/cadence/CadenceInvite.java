package io.riskdesk.cadence;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.stream.Collectors;

import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.risk.RiskRegister;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RDate;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A risk's meeting series as an iCalendar invite: one VEVENT with the series' UID, DTSTART in the
 * account's zone (with its VTIMEZONE), DURATION and an RRULE for the planned days. An RRULE cannot
 * know holidays, so the days the business calendar skips or moves within {@link #EXCEPTIONS_DAYS}
 * are EXDATEs and the days they moved to RDATEs: the invite holds the meetings the API lists.
 * An ended series is a METHOD:CANCEL with STATUS:CANCELLED and a higher SEQUENCE.
 */
@Component
class CadenceInvite {

	/** How far ahead holidays are written into the invite; downloading it again later adds the next ones. */
	static final int EXCEPTIONS_DAYS = 366;

	private static final String PRODUCT = "-//Riskdesk//Cadence meetings//EN";

	private final CadenceSchedules schedules;

	private final RiskRegister risks;

	private final Clock clock;

	private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

	CadenceInvite(CadenceSchedules schedules, RiskRegister risks, Clock clock) {
		this.schedules = schedules;
		this.risks = risks;
		this.clock = clock;
	}

	/** The .ics text of the risk's series; 404 when it has none. */
	@Transactional(readOnly = true)
	String of(String riskKey) {
		MeetingSeries series = schedules.series(riskKey);
		MeetingDays days = series.days();
		String zone = series.zone().getId();
		VEvent event = event(riskKey, series, series.start(days.firstPlanned()));
		event.add(new RRule<ZonedDateTime>("FREQ=WEEKLY;INTERVAL=" + days.weekInterval() + ";BYDAY="
				+ days.plannedWeekdays().stream().map(CadenceInvite::byDay).collect(Collectors.joining(","))));
		LocalDate horizon = clock.instant().atZone(series.zone()).toLocalDate().plusDays(EXCEPTIONS_DAYS);
		List<ZonedDateTime> skipped = days.skippedOrMoved(horizon).stream().map(series::start).toList();
		List<ZonedDateTime> moved = days.between(days.firstPlanned(), horizon)
			.stream()
			.filter(day -> day.movedFrom() != null)
			.map(day -> series.start(day.date()))
			.toList();
		ParameterList inZone = new ParameterList(List.of(new TzId(zone)));
		if (!skipped.isEmpty()) {
			event.add(new ExDate<>(inZone, new DateList<>(skipped)));
		}
		if (!moved.isEmpty()) {
			event.add(new RDate<>(inZone, new DateList<>(moved)));
		}
		return calendar(series, event);
	}

	/**
	 * The .ics text of one meeting of the series, the one starting at {@code start}: the series'
	 * UID with a RECURRENCE-ID, so a calendar holding the series updates that meeting.
	 * @throws InvalidFieldException naming {@code meeting} when no meeting of the series starts then
	 */
	@Transactional(readOnly = true)
	String of(String riskKey, Instant start) {
		MeetingSeries series = schedules.series(riskKey);
		if (!series.startsAt(start)) {
			throw new InvalidFieldException("meeting", "is not the start of a meeting of the risk's cadence");
		}
		ZonedDateTime local = start.atZone(series.zone());
		VEvent event = event(riskKey, series, local);
		event.add(new RecurrenceId<>(new ParameterList(List.of(new TzId(series.zone().getId()))), local));
		return calendar(series, event);
	}

	private VEvent event(String riskKey, MeetingSeries series, ZonedDateTime start) {
		Schedule schedule = series.schedule();
		VEvent event = new VEvent(start, series.length(),
				riskKey + ": " + risks.get(riskKey).title() + " (" + schedule.cadence() + " cadence meeting)");
		event.replace(new DtStamp(clock.instant()));
		event.add(new Uid(schedule.uid()));
		event.add(new Sequence(schedule.sequence()));
		event.add(new Description("Cadence meeting of " + riskKey + " until the risk is resolved."));
		if (schedule.ended()) {
			event.add(ImmutableStatus.VEVENT_CANCELLED);
		}
		return event;
	}

	private String calendar(MeetingSeries series, VEvent event) {
		Schedule schedule = series.schedule();
		String zone = series.zone().getId();
		Calendar calendar = new Calendar().add(new ProdId(PRODUCT))
			.add(ImmutableVersion.VERSION_2_0)
			.add(ImmutableCalScale.GREGORIAN)
			.add(schedule.ended() ? ImmutableMethod.CANCEL : ImmutableMethod.PUBLISH);
		calendar.add(zones.getTimeZone(zone).getVTimeZone());
		calendar.add(event);
		return calendar.toString();
	}

	private static String byDay(DayOfWeek day) {
		return day.name().substring(0, 2);
	}

}
