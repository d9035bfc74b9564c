package io.riskdesk.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.risk.TriageStepRequest;
import io.riskdesk.core.ConflictException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.web.Versions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The milestones of risks' corrective action plans; every change is an event on the risk's timeline. */
@Service
@Transactional
public class CorrectiveActionPlans {

	private static final String SELECT = """
			select id, risk_key, title, owner, due_date, status, created_at, created_by, done_at, done_by, version
			from cap_milestone""";

	private final JdbcClient jdbc;

	private final RiskRegister risks;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CorrectiveActionPlans(JdbcClient jdbc, RiskRegister risks, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.events = events;
		this.clock = clock;
	}

	/** Adds a milestone; a risk's first milestone records the CREATE_CAP triage step. */
	public Milestone add(String riskKey, NewMilestone milestone, String actor) {
		return addAll(riskKey, List.of(milestone),
				"First milestone: " + milestone.title().strip() + " (due " + milestone.due() + ")", actor).get(0);
	}

	/**
	 * Adds milestones in order. Whatever the way a plan gets milestones (the form, the API, a
	 * template, an import), having them is the CREATE_CAP triage step: recorded with {@code planNote}
	 * unless it was recorded before. A closed risk is refused; an open one of any other status
	 * records it too, as its plan exists from now on.
	 */
	List<Milestone> addAll(String riskKey, List<NewMilestone> milestones, String planNote, String actor) {
		requireOpen(riskKey);
		Instant now = clock.instant();
		List<Milestone> added = new ArrayList<>();
		for (NewMilestone milestone : milestones) {
			long id = jdbc.sql("""
					insert into cap_milestone (risk_key, title, owner, due_date, status, created_at, created_by)
					values (:key, :title, :owner, :due, 'OPEN', :now, :actor) returning id""")
				.param("key", riskKey)
				.param("title", milestone.title().strip())
				.param("owner", milestone.owner().strip())
				.param("due", java.sql.Date.valueOf(milestone.due()))
				.param("now", Timestamp.from(now))
				.param("actor", actor)
				.query(Long.class)
				.single();
			events.publishEvent(new MilestoneAdded(riskKey, id, milestone.title().strip(), milestone.owner().strip(),
					milestone.due(), actor, now));
			added.add(get(riskKey, id));
		}
		if (!added.isEmpty() && !isPlanRecorded(riskKey)) {
			risks.recordTriageStep(riskKey, null, new TriageStepRequest(TriageStep.CREATE_CAP, planNote, null), actor);
		}
		return List.copyOf(added);
	}

	public Milestone complete(String riskKey, long id, String actor) {
		requireOpen(riskKey);
		Milestone milestone = get(riskKey, id);
		Instant now = clock.instant();
		// Only an open milestone moves: of two people completing it at once, one wins.
		int changed = jdbc.sql("""
				update cap_milestone set status = 'DONE', done_at = :now, done_by = :actor, version = version + 1
				where id = :id and status = 'OPEN'""")
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.param("id", id)
			.update();
		if (changed == 0) {
			throw new ConflictException("Milestone " + id + " was already done at " + milestone.doneAt());
		}
		events.publishEvent(new MilestoneDone(riskKey, id, milestone.title(), actor, now));
		return get(riskKey, id);
	}

	/**
	 * Changes what the update names. Refused (409) on a closed risk, or when the milestone is no
	 * longer at {@code expectedVersion} (null: any version); a change that changes nothing is no change.
	 */
	public Milestone change(String riskKey, long id, Integer expectedVersion, MilestoneUpdate update, String actor) {
		requireOpen(riskKey);
		Milestone before = get(riskKey, id);
		Versions.check(expectedVersion, before.version(), "Milestone " + id);
		String title = update.title() == null ? before.title() : update.title().strip();
		String owner = update.owner() == null ? before.owner() : update.owner().strip();
		LocalDate due = update.due() == null ? before.due() : update.due();
		if (title.equals(before.title()) && owner.equals(before.owner()) && due.equals(before.due())) {
			return before;
		}
		// Only the version read above moves: of two people changing it at once, one wins.
		int changed = jdbc.sql("""
				update cap_milestone set title = :title, owner = :owner, due_date = :due, version = version + 1
				where id = :id and version = :version""")
			.param("title", title)
			.param("owner", owner)
			.param("due", java.sql.Date.valueOf(due))
			.param("id", id)
			.param("version", before.version())
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Milestone " + id + " changed at the same moment");
		}
		events.publishEvent(new MilestoneChanged(riskKey, id, title, owner, due, before.title(), before.owner(),
				before.due(), actor, clock.instant()));
		return get(riskKey, id);
	}

	/** Whether the risk's CREATE_CAP triage step is recorded: by its first milestones, or by hand. */
	@Transactional(readOnly = true)
	public boolean isPlanRecorded(String riskKey) {
		return !risks.get(riskKey).missingTriageSteps().contains(TriageStep.CREATE_CAP);
	}

	/** A closed risk's plan is final: nothing is added, changed or completed any more. */
	@Transactional(readOnly = true)
	public boolean isOpen(String riskKey) {
		return risks.status(riskKey) != RiskStatus.CLOSED;
	}

	private void requireOpen(String riskKey) {
		if (!isOpen(riskKey)) {
			throw new ConflictException("Risk " + riskKey + " is closed; its plan cannot change");
		}
	}

	@Transactional(readOnly = true)
	public List<Milestone> of(String riskKey) {
		risks.requireExists(riskKey);
		return jdbc.sql(SELECT + " where risk_key = :key order by due_date, id").param("key", riskKey).query(this::row).list();
	}

	@Transactional(readOnly = true)
	public Milestone get(String riskKey, long id) {
		return jdbc.sql(SELECT + " where risk_key = :key and id = :id")
			.param("key", riskKey)
			.param("id", id)
			.query(this::row)
			.optional()
			.orElseThrow(() -> new NotFoundException("Milestone", id + " of " + riskKey));
	}

	private Milestone row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		return new Milestone(rs.getLong("id"), rs.getString("risk_key"), rs.getString("title"), rs.getString("owner"),
				rs.getObject("due_date", LocalDate.class), MilestoneStatus.valueOf(rs.getString("status")),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				done == null ? null : done.toInstant(), rs.getString("done_by"), rs.getInt("version"));
	}

}
