package io.riskdesk.cadence;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.risk.TriageStepRequest;
import io.riskdesk.sla.BusinessCalendar;
import io.riskdesk.sla.BusinessCalendars;
import io.riskdesk.sla.CalendarRef;
import io.riskdesk.web.Versions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting schedules of risks: one per risk, following the risk's cadence on the account's
 * business days. Every change is a fact on the risk's timeline.
 */
@Service
@Transactional
public class CadenceSchedules {

	/** How many next meetings the API and the panel show by default. */
	public static final int NEXT_MEETINGS = 5;

	private static final String SELECT = """
			select risk_key, uid, cadence, time_of_day, minutes, starts_on, sequence, ended_at, ended_reason,
			       created_at, created_by, version
			from cadence_schedule""";

	private final JdbcClient jdbc;

	private final RiskRegister risks;

	private final Accounts accounts;

	private final BusinessCalendars calendars;

	private final Playbook playbook;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CadenceSchedules(JdbcClient jdbc, RiskRegister risks, Accounts accounts, BusinessCalendars calendars,
			Playbook playbook, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.accounts = accounts;
		this.calendars = calendars;
		this.playbook = playbook;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Sets the risk's meetings up, or sets them up again (a new time, length or first day; after an
	 * end, anew). Records the SET_CADENCE triage step unless it was recorded already. Refused (409)
	 * unless the risk is unresolved and has a cadence or a severity to take it from, or when the
	 * schedule is no longer at {@code expectedVersion} (null: any version).
	 */
	public CadencePlan set(String riskKey, Integer expectedVersion, CadenceSetup setup, String actor) {
		RiskDetails risk = risks.get(riskKey);
		if (!RiskStatus.UNRESOLVED.contains(risk.status())) {
			throw new ConflictException("Risk " + riskKey + " is " + risk.status() + ": its meetings have ended");
		}
		if (risk.cadence() == null && risk.severity() == null) {
			throw new ConflictException("Risk " + riskKey
					+ " has no severity yet, so no cadence from the escalation matrix: triage it first");
		}
		if (risk.missingTriageSteps().contains(TriageStep.SET_CADENCE)) {
			// A cadence chosen on the risk before stays; without one the register takes the matrix's.
			risk = risks.recordTriageStep(riskKey, null,
					new TriageStepRequest(TriageStep.SET_CADENCE, null, risk.cadence()), actor);
		}
		AccountDetails account = accounts.get(risk.account().id());
		ZoneId zone = ZoneId.of(account.timeZone());
		Instant now = clock.instant();
		LocalDate startsOn = setup.startsOn() != null ? setup.startsOn() : now.atZone(zone).toLocalDate();
		Optional<Schedule> existing = find(riskKey);
		if (existing.isEmpty()) {
			jdbc.sql("""
					insert into cadence_schedule (risk_key, uid, cadence, time_of_day, minutes, starts_on, created_at, created_by)
					values (:key, :uid, :cadence, :time, :minutes, :startsOn, :now, :actor)""")
				.param("key", riskKey)
				.param("uid", UUID.randomUUID() + "@riskdesk")
				.param("cadence", risk.cadence().name())
				.param("time", setup.timeOfDay())
				.param("minutes", setup.minutes())
				.param("startsOn", startsOn)
				.param("now", Timestamp.from(now))
				.param("actor", actor)
				.update();
		}
		else {
			Schedule before = existing.get();
			Versions.check(expectedVersion, before.version(), "Cadence of " + riskKey);
			if (!before.ended() && before.cadence() == risk.cadence() && before.timeOfDay().equals(setup.timeOfDay())
					&& before.minutes() == setup.minutes() && before.startsOn().equals(startsOn)) {
				return plan(riskKey, NEXT_MEETINGS);
			}
			// Only the version read above moves: of two people setting it up at once, one wins.
			int changed = jdbc.sql("""
					update cadence_schedule set cadence = :cadence, time_of_day = :time, minutes = :minutes,
					    starts_on = :startsOn, ended_at = null, ended_reason = null, sequence = sequence + 1,
					    version = version + 1
					where risk_key = :key and version = :version""")
				.param("cadence", risk.cadence().name())
				.param("time", setup.timeOfDay())
				.param("minutes", setup.minutes())
				.param("startsOn", startsOn)
				.param("key", riskKey)
				.param("version", before.version())
				.update();
			if (changed == 0) {
				throw new OptimisticLockingFailureException("Cadence of " + riskKey + " changed at the same moment");
			}
		}
		events.publishEvent(new CadenceEvents.CadenceScheduled(riskKey, risk.cadence(), setup.timeOfDay(),
				setup.minutes(), startsOn, zone.getId(), actor, now));
		return plan(riskKey, NEXT_MEETINGS);
	}

	/** The risk's schedule with its next {@code meetings} meetings; 404 when it has none. */
	@Transactional(readOnly = true)
	public CadencePlan plan(String riskKey, int meetings) {
		MeetingSeries series = series(riskKey);
		Schedule s = series.schedule();
		return new CadencePlan(s.riskKey(), s.cadence(), s.timeOfDay(), s.minutes(), s.startsOn(), series.zone().getId(),
				s.uid(), s.sequence(), s.endedAt(), s.endedReason(), s.createdAt(), s.createdBy(), s.version(),
				series.next(clock.instant(), meetings));
	}

	/** Whether the risk has a schedule (ended or not); 404 for an unknown risk. */
	@Transactional(readOnly = true)
	public boolean exists(String riskKey) {
		risks.requireExists(riskKey);
		return find(riskKey).isPresent();
	}

	/**
	 * Plans the meetings anew when the risk's cadence is no longer the schedule's (it followed a
	 * new severity, or someone changed it), from the day of the change on; a new sequence.
	 */
	void replan(String riskKey, String actor, Instant at) {
		Optional<Schedule> existing = find(riskKey).filter(s -> !s.ended());
		if (existing.isEmpty()) {
			return;
		}
		Schedule before = existing.get();
		RiskDetails risk = risks.get(riskKey);
		if (risk.cadence() == null || risk.cadence() == before.cadence()) {
			return;
		}
		LocalDate today = at.atZone(zone(risk)).toLocalDate();
		LocalDate startsOn = before.startsOn().isAfter(today) ? before.startsOn() : today;
		jdbc.sql("""
				update cadence_schedule set cadence = :cadence, starts_on = :startsOn, sequence = sequence + 1,
				    version = version + 1
				where risk_key = :key""")
			.param("cadence", risk.cadence().name())
			.param("startsOn", startsOn)
			.param("key", riskKey)
			.update();
		events.publishEvent(new CadenceEvents.CadenceReplanned(riskKey, before.cadence(), risk.cadence(), startsOn,
				actor, at));
	}

	/** No more meetings; the invite becomes a cancellation. Nothing happens to a schedule that ended already. */
	void end(String riskKey, String reason, String actor, Instant at) {
		int changed = jdbc.sql("""
				update cadence_schedule set ended_at = :at, ended_reason = :reason, sequence = sequence + 1,
				    version = version + 1
				where risk_key = :key and ended_at is null""")
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("key", riskKey)
			.update();
		if (changed > 0) {
			events.publishEvent(new CadenceEvents.CadenceEnded(riskKey, reason, actor, at));
		}
	}

	/** The schedule's meetings with the account's zone and business days; 404 when the risk has none. */
	@Transactional(readOnly = true)
	MeetingSeries series(String riskKey) {
		Schedule schedule = find(riskKey).orElseThrow(() -> {
			risks.requireExists(riskKey);
			return new NotFoundException("Cadence", "of " + riskKey + " (none is set up)");
		});
		AccountDetails account = accounts.get(risks.get(riskKey).account().id());
		CalendarRef ref = CalendarRef.of(account);
		BusinessCalendar calendar = calendars.forAccount(ref.name(), ref.zone(), ref.country());
		Set<DayOfWeek> workWeek = EnumSet.noneOf(DayOfWeek.class);
		playbook.calendar(ref.name()).week().forEach((day, windows) -> {
			if (!windows.isEmpty()) {
				workWeek.add(day);
			}
		});
		MeetingDays days = new MeetingDays(schedule.cadence(), schedule.startsOn(), workWeek,
				day -> calendar.nextBusinessDay(day.minusDays(1)).equals(day));
		return new MeetingSeries(schedule, ref.zone(), days);
	}

	/** The time zone of the risk's account, which meetings are planned and shown in. */
	@Transactional(readOnly = true)
	ZoneId zone(String riskKey) {
		return zone(risks.get(riskKey));
	}

	private ZoneId zone(RiskDetails risk) {
		return ZoneId.of(accounts.get(risk.account().id()).timeZone());
	}

	private Optional<Schedule> find(String riskKey) {
		return jdbc.sql(SELECT + " where risk_key = :key").param("key", riskKey).query((rs, n) -> {
			Timestamp ended = rs.getTimestamp("ended_at");
			return new Schedule(rs.getString("risk_key"), rs.getString("uid"), Cadence.valueOf(rs.getString("cadence")),
					rs.getObject("time_of_day", LocalTime.class), rs.getInt("minutes"),
					rs.getObject("starts_on", LocalDate.class), rs.getInt("sequence"),
					ended == null ? null : ended.toInstant(), rs.getString("ended_reason"),
					rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getInt("version"));
		}).optional();
	}

}
