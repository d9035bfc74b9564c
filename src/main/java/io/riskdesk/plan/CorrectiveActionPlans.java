package io.riskdesk.plan;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.riskdesk.core.ConflictException;
import io.riskdesk.core.InvalidFieldException;
import io.riskdesk.core.NotFoundException;
import io.riskdesk.core.Text;
import io.riskdesk.core.TextValidator;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.risk.TriageStepRequest;
import io.riskdesk.web.Versions;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The milestones of risks: the corrective action plan while a risk is worked, and the prevention
 * items tracked after it is resolved. Every change is an event on the risk's timeline.
 */
@Service
@Transactional
public class CorrectiveActionPlans {

	private static final String SELECT = """
			select id, risk_key, kind, position, title, success_criterion, owner, owner_id, due_date, status,
			       status_reason, created_at, created_by, done_at, done_by, overdue_at, version
			from cap_milestone""";

	private final JdbcClient jdbc;

	private final RiskRegister risks;

	private final Owners owners;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	CorrectiveActionPlans(JdbcClient jdbc, RiskRegister risks, Owners owners, ApplicationEventPublisher events,
			Clock clock) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.owners = owners;
		this.events = events;
		this.clock = clock;
	}

	/** Adds a milestone of the plan, last in the list; a risk's first milestone records the CREATE_CAP triage step. */
	public Milestone add(String riskKey, NewMilestone milestone, String actor) {
		return addAll(riskKey, List.of(milestone), "First milestone: " + milestone.title().strip()
				+ (milestone.due() == null ? "" : " (due " + milestone.due() + ")"), actor).get(0);
	}

	/**
	 * Adds milestones of the plan in order. Whatever the way a plan gets milestones (the form, the
	 * API, a template, an import), having them is the CREATE_CAP triage step: recorded with
	 * {@code planNote} unless it was recorded before. A closed risk is refused; an open one of any
	 * other status records it too, as its plan exists from now on.
	 */
	List<Milestone> addAll(String riskKey, List<NewMilestone> milestones, String planNote, String actor) {
		requireOpen(riskKey);
		List<Milestone> added = new ArrayList<>();
		for (NewMilestone milestone : milestones) {
			added.add(add(riskKey, MilestoneKind.PLAN, milestone, actor));
		}
		if (!added.isEmpty() && !isPlanRecorded(riskKey)) {
			risks.recordTriageStep(riskKey, null, new TriageStepRequest(TriageStep.CREATE_CAP, planNote, null), actor);
		}
		return List.copyOf(added);
	}

	/**
	 * Adds an action item the application itself asks for (the S0 live call), last in the list. It
	 * is work of the plan but not the plan: the CREATE_CAP triage step stays for people to record.
	 */
	public Milestone addActionItem(String riskKey, NewMilestone milestone, String actor) {
		requireOpen(riskKey);
		return add(riskKey, MilestoneKind.PLAN, milestone, actor);
	}

	/** Adds a prevention item, tracked like a milestone after the risk is resolved (a closed risk's too). */
	public Milestone addPrevention(String riskKey, NewMilestone milestone, String actor) {
		risks.requireExists(riskKey);
		return add(riskKey, MilestoneKind.PREVENTION, milestone, actor);
	}

	private Milestone add(String riskKey, MilestoneKind kind, NewMilestone milestone, String actor) {
		Owners.Owner owner = owners.resolve(milestone.owner(), milestone.ownerId());
		String title = milestone.title().strip();
		Instant now = clock.instant();
		long id = jdbc.sql("""
				insert into cap_milestone (risk_key, kind, position, title, success_criterion, owner, owner_id, due_date,
				                           status, created_at, created_by)
				values (:key, :kind, (select coalesce(max(position), 0) + 1 from cap_milestone where risk_key = :key),
				        :title, :criterion, :owner, :ownerId, :due, 'TODO', :now, :actor) returning id""")
			.param("key", riskKey)
			.param("kind", kind.name())
			.param("title", title)
			.param("criterion", blankToNull(milestone.successCriterion()))
			.param("owner", owner.name())
			.param("ownerId", owner.personId())
			.param("due", date(milestone.due()))
			.param("now", Timestamp.from(now))
			.param("actor", actor)
			.query(Long.class)
			.single();
		events.publishEvent(new MilestoneAdded(riskKey, id, kind, title, owner.name(), milestone.due(), actor, now));
		return get(riskKey, id);
	}

	/** Marks a milestone done, whatever version it is at (the original "done" button and endpoint). */
	public Milestone complete(String riskKey, long id, String actor) {
		return changeStatus(riskKey, id, null, MilestoneStatus.DONE, null, actor);
	}

	/**
	 * Moves a milestone to {@code to}: TODO -> DOING -> DONE, or DROPPED with a reason. Refused with
	 * 409 for a move its status does not allow, a closed risk's plan milestone, or a version older
	 * than {@code expectedVersion} (null: any version).
	 */
	public Milestone changeStatus(String riskKey, long id, Integer expectedVersion, MilestoneStatus to, String reason,
			String actor) {
		if (to == null) {
			throw new InvalidFieldException("status", "is required: one of " + List.of(MilestoneStatus.values()));
		}
		if (to == MilestoneStatus.DROPPED && (reason == null || reason.isBlank())) {
			throw new InvalidFieldException("reason", "is required to drop a milestone: why it is no longer needed");
		}
		TextValidator.check("reason", reason, Text.LINE);
		Milestone before = get(riskKey, id);
		requireChangeable(before);
		Versions.check(expectedVersion, before.version(), "Milestone " + id);
		if (!before.status().next().contains(to)) {
			throw new ConflictException("Milestone " + id + " is " + before.status() + "; it can move to "
					+ (before.status().next().isEmpty() ? "nothing (it is final)" : before.status().next().toString()));
		}
		Instant now = clock.instant();
		boolean ends = !to.open();
		// Only the status read above moves: of two people changing it at once, one wins.
		int changed = jdbc.sql("""
				update cap_milestone set status = :to, status_reason = :reason, done_at = :doneAt, done_by = :doneBy,
				       version = version + 1
				where id = :id and status = :from""")
			.param("to", to.name())
			.param("reason", to == MilestoneStatus.DROPPED ? reason.strip() : null)
			.param("doneAt", ends ? Timestamp.from(now) : null)
			.param("doneBy", ends ? actor : null)
			.param("id", id)
			.param("from", before.status().name())
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Milestone " + id + " changed at the same moment");
		}
		events.publishEvent(switch (to) {
			case DOING -> new MilestoneStarted(riskKey, id, before.title(), actor, now);
			case DONE -> new MilestoneDone(riskKey, id, before.title(), actor, now);
			case DROPPED -> new MilestoneDropped(riskKey, id, before.title(), reason.strip(), actor, now);
			case TODO -> throw new IllegalStateException("No milestone moves back to TODO");
		});
		return get(riskKey, id);
	}

	/**
	 * Drops the risk's plan milestones still to do, as the register resolves or closes it (so
	 * whether the risk is closed by now does not matter); prevention items stay.
	 */
	void dropOpenPlan(String riskKey, String reason, String actor) {
		Instant now = clock.instant();
		jdbc.sql(SELECT + " where risk_key = :key and kind = 'PLAN' and status in ('TODO', 'DOING') order by position, id")
			.param("key", riskKey)
			.query(this::row)
			.list()
			.forEach(m -> {
				jdbc.sql("""
						update cap_milestone set status = 'DROPPED', status_reason = :reason, done_at = :now, done_by = :actor,
						       version = version + 1
						where id = :id""")
					.param("reason", reason)
					.param("now", Timestamp.from(now))
					.param("actor", actor)
					.param("id", m.id())
					.update();
				events.publishEvent(new MilestoneDropped(riskKey, m.id(), m.title(), reason, actor, now));
			});
	}

	/**
	 * Changes what the update names. Refused (409) on a closed risk's plan, or when the milestone is
	 * no longer at {@code expectedVersion} (null: any version); a change that changes nothing is no change.
	 */
	public Milestone change(String riskKey, long id, Integer expectedVersion, MilestoneUpdate update, String actor) {
		Milestone before = get(riskKey, id);
		requireChangeable(before);
		Versions.check(expectedVersion, before.version(), "Milestone " + id);
		String title = update.title() == null ? before.title() : update.title().strip();
		Owners.Owner owner = update.owner() == null && update.ownerId() == null
				? new Owners.Owner(before.owner(), before.ownerId()) : owners.resolve(update.owner(), update.ownerId());
		LocalDate due = update.due() == null ? before.due() : update.due();
		String criterion = update.successCriterion() == null ? before.successCriterion()
				: blankToNull(update.successCriterion());
		if (title.equals(before.title()) && owner.name().equals(before.owner())
				&& Objects.equals(owner.personId(), before.ownerId()) && Objects.equals(due, before.due())
				&& Objects.equals(criterion, before.successCriterion())) {
			return before;
		}
		boolean moved = !Objects.equals(due, before.due());
		// Only the version read above moves: of two people changing it at once, one wins. A new date
		// is a new promise: it may go overdue again.
		int changed = jdbc.sql("""
				update cap_milestone set title = :title, owner = :owner, owner_id = :ownerId, due_date = :due,
				       success_criterion = :criterion, overdue_at = case when :moved then null else overdue_at end,
				       version = version + 1
				where id = :id and version = :version""")
			.param("title", title)
			.param("owner", owner.name())
			.param("ownerId", owner.personId())
			.param("due", date(due))
			.param("criterion", criterion)
			.param("moved", moved)
			.param("id", id)
			.param("version", before.version())
			.update();
		if (changed == 0) {
			throw new OptimisticLockingFailureException("Milestone " + id + " changed at the same moment");
		}
		events.publishEvent(new MilestoneChanged(riskKey, id, title, owner.name(), due, criterion, before.title(),
				before.owner(), before.due(), before.successCriterion(), actor, clock.instant()));
		return get(riskKey, id);
	}

	/** Whether the risk's CREATE_CAP triage step is recorded: by its first milestones, or by hand. */
	@Transactional(readOnly = true)
	public boolean isPlanRecorded(String riskKey) {
		return !risks.get(riskKey).missingTriageSteps().contains(TriageStep.CREATE_CAP);
	}

	/**
	 * Puts the risk's milestones in this order: {@code ids} must name each of them exactly once.
	 * Positions are not versioned: the last order saved is the order.
	 */
	public List<Milestone> reorder(String riskKey, List<Long> ids, String actor) {
		requireOpen(riskKey);
		Map<Long, Milestone> current = of(riskKey).stream().collect(Collectors.toMap(Milestone::id, Function.identity()));
		if (ids == null || ids.size() != current.size() || !current.keySet().equals(new HashSet<>(ids))) {
			throw new InvalidFieldException("ids", "must name each milestone of " + riskKey + " exactly once: "
					+ current.keySet().stream().sorted().toList());
		}
		List<String> titles = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			jdbc.sql("update cap_milestone set position = :position where id = :id")
				.param("position", i + 1)
				.param("id", ids.get(i))
				.update();
			titles.add(current.get(ids.get(i)).title());
		}
		events.publishEvent(new MilestonesReordered(riskKey, titles, actor, clock.instant()));
		return of(riskKey);
	}

	/**
	 * The SLA machinery found the milestone's clock breached at {@code dueAt}: a milestone still to
	 * do is overdue, once per due date. Done, dropped or already overdue ones are left as they are.
	 */
	public void overdue(long milestoneId, Instant dueAt) {
		jdbc.sql(SELECT + " where id = :id and overdue_at is null and status in ('TODO', 'DOING')")
			.param("id", milestoneId)
			.query(this::row)
			.optional()
			.ifPresent(m -> {
				jdbc.sql("update cap_milestone set overdue_at = :at where id = :id")
					.param("at", Timestamp.from(dueAt))
					.param("id", milestoneId)
					.update();
				events.publishEvent(new MilestoneOverdue(m.riskKey(), m.id(), m.title(), m.owner(), dueAt,
						clock.instant()));
			});
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

	/** A prevention item stays tracked, and so changeable, after its risk is closed. */
	private void requireChangeable(Milestone milestone) {
		if (milestone.kind() == MilestoneKind.PLAN) {
			requireOpen(milestone.riskKey());
		}
	}

	/** The risk's milestones and prevention items, in the risk's order. */
	@Transactional(readOnly = true)
	public List<Milestone> of(String riskKey) {
		risks.requireExists(riskKey);
		return jdbc.sql(SELECT + " where risk_key = :key order by position, id").param("key", riskKey).query(this::row).list();
	}

	/** The milestones still to do that this directory person owns, across risks: overdue first, then by due date. */
	@Transactional(readOnly = true)
	public List<Milestone> ownedBy(long personId) {
		return jdbc.sql(SELECT + """
				 where owner_id = :person and status in ('TODO', 'DOING')
				order by overdue_at is null, due_date nulls last, risk_key, position""")
			.param("person", personId)
			.query(this::row)
			.list();
	}

	/** Every milestone and prevention item still to do that has a due date, across risks. */
	@Transactional(readOnly = true)
	public List<Milestone> openDated() {
		return jdbc.sql(SELECT + " where status in ('TODO', 'DOING') and due_date is not null order by id").query(this::row).list();
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

	private static java.sql.Date date(LocalDate day) {
		return day == null ? null : java.sql.Date.valueOf(day);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private Milestone row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp done = rs.getTimestamp("done_at");
		Timestamp overdue = rs.getTimestamp("overdue_at");
		return new Milestone(rs.getLong("id"), rs.getString("risk_key"), MilestoneKind.valueOf(rs.getString("kind")),
				rs.getInt("position"), rs.getString("title"), rs.getString("success_criterion"), rs.getString("owner"),
				rs.getObject("owner_id", Long.class), rs.getObject("due_date", LocalDate.class),
				MilestoneStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				done == null ? null : done.toInstant(), rs.getString("done_by"),
				overdue == null ? null : overdue.toInstant(), rs.getInt("version"));
	}

}
