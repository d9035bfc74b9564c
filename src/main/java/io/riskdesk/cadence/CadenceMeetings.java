package io.riskdesk.cadence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.riskdesk.account.Accounts;
import io.riskdesk.account.PersonDirectory;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.NewMilestone;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.web.Inputs;
import jakarta.validation.Validator;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meetings held on risks. Recording one writes the meeting, its decisions (to the risk) and
 * its action items (as milestones of the risk's plan) in one transaction: all of it or, on any
 * bad part, nothing.
 */
@Service
@Transactional
public class CadenceMeetings {

	private static final String SELECT = """
			select id, risk_key, held_at, scheduled_for, attendees::text as attendees, notes, decisions::text as decisions,
			       milestone_ids::text as milestone_ids, recorded_at, recorded_by
			from cadence_meeting""";

	private static final TypeReference<List<Meeting.Attendee>> ATTENDEES = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {
	};

	private static final TypeReference<List<Long>> IDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final RiskRegister risks;

	private final Accounts accounts;

	private final PersonDirectory people;

	private final CorrectiveActionPlans plans;

	private final CadenceSchedules schedules;

	private final JsonMapper json;

	private final Validator validator;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CadenceMeetings(JdbcClient jdbc, RiskRegister risks, Accounts accounts, PersonDirectory people,
			CorrectiveActionPlans plans, CadenceSchedules schedules, JsonMapper json, Validator validator,
			ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.accounts = accounts;
		this.people = people;
		this.plans = plans;
		this.schedules = schedules;
		this.json = json;
		this.validator = validator;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records a meeting held on an unclosed risk. {@code scheduledFor} must be the start of a
	 * meeting of the risk's schedule; {@code heldAt} (by default that start) must not be in the
	 * future. A bad action item is refused naming {@code actionItems[i].field}.
	 */
	public Meeting record(String riskKey, NewMeeting meeting, String actor) {
		// Every part is checked before anything is written: the page posts it as plain parameters.
		Inputs.requireValid(validator, meeting);
		if (risks.status(riskKey) == RiskStatus.CLOSED) {
			throw new ConflictException("Risk " + riskKey + " is closed; no meeting is recorded on it any more");
		}
		Instant now = clock.instant();
		Instant heldAt = heldAt(riskKey, meeting, now);
		List<Meeting.Attendee> attendees = meeting.attendees()
			.stream()
			.map(String::strip)
			.distinct()
			.map(name -> people.findByName(name)
				.map(person -> new Meeting.Attendee(person.name(), person.id()))
				.orElse(new Meeting.Attendee(name, null)))
			.toList();
		List<String> decisions = meeting.decisions().stream().map(String::strip).toList();
		String notes = meeting.notes() == null || meeting.notes().isBlank() ? null : meeting.notes().strip();
		long id = jdbc.sql("""
				insert into cadence_meeting (risk_key, held_at, scheduled_for, attendees, notes, decisions, milestone_ids,
				    recorded_at, recorded_by)
				values (:key, :heldAt, :scheduledFor, cast(:attendees as jsonb), :notes, cast(:decisions as jsonb), '[]',
				    :now, :actor)
				returning id""")
			.param("key", riskKey)
			.param("heldAt", Timestamp.from(heldAt))
			.param("scheduledFor", meeting.scheduledFor() == null ? null : Timestamp.from(meeting.scheduledFor()))
			.param("attendees", json.writeValueAsString(attendees))
			.param("notes", notes)
			.param("decisions", json.writeValueAsString(decisions))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.query(Long.class)
			.single();
		ZoneId zone = ZoneId.of(accounts.get(risks.get(riskKey).account().id()).timeZone());
		// The meeting first on the timeline, then what it decided and assigned.
		events.publishEvent(new CadenceEvents.MeetingHeld(riskKey, id, heldAt.atZone(zone).toLocalDateTime(),
				zone.getId(), attendees.stream().map(Meeting.Attendee::name).toList(), decisions.size(),
				meeting.actionItems().size(), actor, now));
		for (int i = 0; i < decisions.size(); i++) {
			try {
				risks.addDecision(riskKey, null, decisions.get(i), actor);
			}
			catch (InvalidFieldException ex) {
				throw new InvalidFieldException("decisions[" + i + "]", ex.reason());
			}
		}
		List<Long> milestoneIds = new ArrayList<>();
		for (int i = 0; i < meeting.actionItems().size(); i++) {
			NewMeeting.ActionItem item = meeting.actionItems().get(i);
			try {
				milestoneIds.add(plans.add(riskKey, new NewMilestone(item.title(), item.owner(), item.due()), actor).id());
			}
			catch (InvalidFieldException ex) {
				throw new InvalidFieldException("actionItems[" + i + "]." + ex.field(), ex.reason());
			}
		}
		jdbc.sql("update cadence_meeting set milestone_ids = cast(:ids as jsonb) where id = :id")
			.param("ids", json.writeValueAsString(milestoneIds))
			.param("id", id)
			.update();
		return get(id);
	}

	/** The risk's meetings, latest first. */
	@Transactional(readOnly = true)
	public List<Meeting> of(String riskKey) {
		risks.requireExists(riskKey);
		return jdbc.sql(SELECT + " where risk_key = :key order by held_at desc, id desc")
			.param("key", riskKey)
			.query(this::row)
			.list();
	}

	private Instant heldAt(String riskKey, NewMeeting meeting, Instant now) {
		if (meeting.scheduledFor() != null && !schedules.exists(riskKey)) {
			throw new InvalidFieldException("scheduledFor", "names a scheduled meeting, but the risk has no cadence set up");
		}
		if (meeting.scheduledFor() != null && !schedules.series(riskKey).startsAt(meeting.scheduledFor())) {
			throw new InvalidFieldException("scheduledFor", "is not the start of a meeting of the risk's cadence");
		}
		Instant heldAt = meeting.heldAt() != null ? meeting.heldAt() : meeting.scheduledFor();
		if (heldAt == null) {
			throw new InvalidFieldException("heldAt",
					"is required: when the meeting was held, or scheduledFor naming the scheduled meeting it was");
		}
		if (heldAt.isAfter(now)) {
			throw new InvalidFieldException(meeting.heldAt() != null ? "heldAt" : "scheduledFor",
					"must not be in the future: record a meeting once it was held");
		}
		return heldAt;
	}

	private Meeting get(long id) {
		return jdbc.sql(SELECT + " where id = :id").param("id", id).query(this::row).single();
	}

	private Meeting row(ResultSet rs, int n) throws SQLException {
		Timestamp scheduledFor = rs.getTimestamp("scheduled_for");
		return new Meeting(rs.getLong("id"), rs.getString("risk_key"), rs.getTimestamp("held_at").toInstant(),
				scheduledFor == null ? null : scheduledFor.toInstant(), json.readValue(rs.getString("attendees"), ATTENDEES),
				rs.getString("notes"), json.readValue(rs.getString("decisions"), TEXTS),
				json.readValue(rs.getString("milestone_ids"), IDS), rs.getTimestamp("recorded_at").toInstant(),
				rs.getString("recorded_by"));
	}

}
