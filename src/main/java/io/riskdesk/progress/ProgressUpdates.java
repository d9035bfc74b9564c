package io.riskdesk.progress;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import io.riskdesk.account.Accounts;
import io.riskdesk.core.ClusterLock;
import io.riskdesk.core.ConflictException;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.sla.BusinessCalendar;
import io.riskdesk.sla.BusinessCalendars;
import io.riskdesk.sla.CalendarRef;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The progress updates of risks and when each triaged or active risk is due for its next one.
 * The due instant counts from the latest update, else from the triage or reopening, by the
 * frequency the playbook gives the risk's severity, in the account's business calendar; a
 * db-scheduler check at that instant raises {@link RiskWentStale} once per stale period.
 */
@Service
@Transactional
public class ProgressUpdates {

	private final JdbcClient jdbc;

	private final RiskRegister risks;

	private final Accounts accounts;

	private final BusinessCalendars calendars;

	private final Playbook playbook;

	private final SchedulerClient scheduler;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	ProgressUpdates(JdbcClient jdbc, RiskRegister risks, Accounts accounts, BusinessCalendars calendars,
			Playbook playbook, @Lazy SchedulerClient scheduler, ApplicationEventPublisher events, Clock clock) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.accounts = accounts;
		this.calendars = calendars;
		this.playbook = playbook;
		this.scheduler = scheduler;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * Records an update by {@code author} now; on a risk being worked it ends any stale period
	 * and the next update is due one frequency from now. 404 for an unknown risk, 409 on a closed one.
	 */
	public ProgressUpdate report(String riskKey, NewProgressUpdate update, String author) {
		if (risks.status(riskKey) == RiskStatus.CLOSED) {
			throw new ConflictException("Risk " + riskKey + " is closed; its progress is no longer reported");
		}
		Instant now = clock.instant();
		String text = update.text().strip();
		long id = jdbc.sql("""
				insert into progress_update (risk_key, health, text, author, reported_at)
				values (:key, :health, :text, :author, :now) returning id""")
			.param("key", riskKey)
			.param("health", update.health().name())
			.param("text", text)
			.param("author", author)
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
		Status status = lock(riskKey).orElseGet(() -> Status.untracked(riskKey, risks.get(riskKey).account().id()));
		status = status.reported(update.health(), now);
		if (status.tracked()) {
			status = status.countingFrom(now, dueAfter(status.accountId(), status.severity(), now), false);
		}
		save(status);
		events.publishEvent(new ProgressReported(riskKey, id, update.health(), text, author, now));
		return get(id);
	}

	/** The risk's staleness and its updates, newest first; 404 for an unknown risk. */
	@Transactional(readOnly = true)
	public RiskProgress of(String riskKey) {
		risks.requireExists(riskKey);
		Optional<Status> status = find(riskKey);
		Instant now = clock.instant();
		Instant due = status.map(Status::dueAt).orElse(null);
		boolean stale = due != null && !due.isAfter(now);
		// A risk never triaged has no row, or one without a severity: its frequency is its severity's, if any.
		Severity severity = status.map(Status::severity).orElseGet(() -> risks.get(riskKey).severity());
		Staleness staleness = new Staleness(severity == null ? null : frequency(severity),
				status.map(Status::lastUpdateAt).orElse(null), due == null ? null : status.get().countedFrom(), due, stale,
				stale ? due : null);
		return new RiskProgress(riskKey, staleness, jdbc.sql("""
				select id, risk_key, health, text, author, reported_at from progress_update
				where risk_key = :key order by reported_at desc, id desc""")
			.param("key", riskKey)
			.query(ProgressUpdates::update)
			.list());
	}

	/** A closed risk's progress is final: no update is added any more. */
	@Transactional(readOnly = true)
	public boolean isOpen(String riskKey) {
		return risks.status(riskKey) != RiskStatus.CLOSED;
	}

	/** The risk is triaged or reopened at {@code from}: its next update is due one frequency later. */
	void track(String riskKey, long accountId, Severity severity, Instant from) {
		Status status = lock(riskKey).orElseGet(() -> Status.untracked(riskKey, accountId));
		status = status.withSeverity(severity).countingFrom(from, dueAfter(accountId, severity, from), false);
		save(status);
	}

	/**
	 * The severity changed: a risk being worked is due one new frequency after what it counts
	 * from. Still overdue, it stays in the same stale period (raised once); due later, the period ended.
	 */
	void retarget(String riskKey, Severity severity) {
		lock(riskKey).filter(Status::tracked).ifPresent(status -> {
			Instant due = dueAfter(status.accountId(), severity, status.countedFrom());
			boolean stillStale = status.staleRaised() && !due.isAfter(clock.instant());
			save(status.withSeverity(severity).countingFrom(status.countedFrom(), due, stillStale));
		});
	}

	/** Resolved or closed: no update is owed any more, and its check is cancelled. */
	void stop(String riskKey) {
		lock(riskKey).filter(Status::tracked).ifPresent(status -> {
			save(status.countingFrom(status.countedFrom(), null, false));
			StaleChecks.cancel(scheduler, riskKey);
		});
	}

	/**
	 * Run by db-scheduler at the instant it was scheduled for: raises {@link RiskWentStale} when
	 * the risk's update is due by then and was not raised for this period yet.
	 * @param scheduledFor the instant the check was scheduled for: it has come, whatever this node's clock says
	 */
	void check(String riskKey, Instant scheduledFor) {
		Instant now = clock.instant().isBefore(scheduledFor) ? scheduledFor : clock.instant();
		lock(riskKey).filter(Status::tracked).ifPresent(status -> {
			if (!status.staleRaised() && !status.dueAt().isAfter(now)) {
				save(status.countingFrom(status.countedFrom(), status.dueAt(), true));
				events.publishEvent(new RiskWentStale(riskKey, status.severity(), status.lastUpdateAt(), status.dueAt(), now));
			}
		});
	}

	/**
	 * When the risk's check must run next, if at all: its due instant while no stale event was
	 * raised for it. Waits for a change being saved at the same moment, so it reads what that left.
	 */
	Optional<Instant> nextCheck(String riskKey) {
		return lock(riskKey).filter(status -> status.tracked() && !status.staleRaised()).map(Status::dueAt);
	}

	/**
	 * Risks being worked with no due instant yet: those triaged before this module existed. Each
	 * counts from its latest update or its triage, whichever is later; a risk stored as being worked
	 * without a triage instant (imported, migrated) counts from when it was logged. One without a
	 * severity has no frequency to count by and stays untracked.
	 */
	void trackUntracked() {
		// Nodes starting together take turns: the second finds the risks the first tracked.
		ClusterLock.holdUntilCommit(jdbc, "untracked-progress");
		jdbc.sql("""
				select risk_key from risk_facts f where status in ('TRIAGED', 'ACTIVE') and severity is not null
				and not exists (select 1 from progress_status p where p.risk_key = f.risk_key and p.due_at is not null)""")
			.query(String.class)
			.list()
			.forEach(key -> {
				RiskDetails risk = risks.get(key);
				Instant triaged = risk.triagedAt() != null ? risk.triagedAt() : risk.loggedAt();
				Instant from = find(key).map(Status::lastUpdateAt).filter(update -> update.isAfter(triaged)).orElse(triaged);
				track(key, risk.account().id(), risk.severity(), from);
			});
	}

	private UpdateFrequency frequency(Severity severity) {
		return UpdateFrequency.of(playbook.severity(severity).progressUpdates());
	}

	private Instant dueAfter(long accountId, Severity severity, Instant from) {
		CalendarRef ref = CalendarRef.of(accounts.get(accountId));
		BusinessCalendar calendar = calendars.forAccount(ref.name(), ref.zone(), ref.country());
		return frequency(severity).dueAfter(from, calendar);
	}

	private ProgressUpdate get(long id) {
		return jdbc.sql("select id, risk_key, health, text, author, reported_at from progress_update where id = :id")
			.param("id", id)
			.query(ProgressUpdates::update)
			.single();
	}

	private static ProgressUpdate update(ResultSet rs, int n) throws SQLException {
		return new ProgressUpdate(rs.getLong("id"), rs.getString("risk_key"), Health.valueOf(rs.getString("health")),
				rs.getString("text"), rs.getString("author"), rs.getTimestamp("reported_at").toInstant());
	}

	private Optional<Status> find(String riskKey) {
		return jdbc.sql("select * from progress_status where risk_key = :key").param("key", riskKey).query(Status::row).optional();
	}

	/** The risk's row, locked until the transaction ends: a check and an update of one risk take turns. */
	private Optional<Status> lock(String riskKey) {
		return jdbc.sql("select * from progress_status where risk_key = :key for update")
			.param("key", riskKey)
			.query(Status::row)
			.optional();
	}

	/** Saves the row and, while an update is owed and not yet raised as stale, schedules its check at the due instant. */
	private void save(Status status) {
		jdbc.sql("""
				insert into progress_status (risk_key, account_id, severity, last_update_at, last_health, counted_from,
				                             due_at, stale_raised)
				values (:key, :account, :severity, :lastUpdate, :health, :from, :due, :raised)
				on conflict (risk_key) do update set account_id = excluded.account_id, severity = excluded.severity,
				    last_update_at = excluded.last_update_at, last_health = excluded.last_health,
				    counted_from = excluded.counted_from, due_at = excluded.due_at, stale_raised = excluded.stale_raised""")
			.param("key", status.riskKey())
			.param("account", status.accountId())
			.param("severity", status.severity() == null ? null : status.severity().name())
			.param("lastUpdate", timestamp(status.lastUpdateAt()))
			.param("health", status.lastHealth() == null ? null : status.lastHealth().name())
			.param("from", timestamp(status.countedFrom()))
			.param("due", timestamp(status.dueAt()))
			.param("raised", status.staleRaised())
			.update();
		if (status.tracked() && !status.staleRaised()) {
			StaleChecks.schedule(scheduler, status.riskKey(), status.dueAt());
		}
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	/** A row of progress_status; tracked while an update is owed ({@code dueAt} set). */
	private record Status(String riskKey, long accountId, Severity severity, Instant lastUpdateAt, Health lastHealth,
			Instant countedFrom, Instant dueAt, boolean staleRaised) {

		static Status untracked(String riskKey, long accountId) {
			return new Status(riskKey, accountId, null, null, null, null, null, false);
		}

		static Status row(ResultSet rs, int n) throws SQLException {
			String severity = rs.getString("severity");
			String health = rs.getString("last_health");
			return new Status(rs.getString("risk_key"), rs.getLong("account_id"),
					severity == null ? null : Severity.valueOf(severity), instant(rs, "last_update_at"),
					health == null ? null : Health.valueOf(health), instant(rs, "counted_from"), instant(rs, "due_at"),
					rs.getBoolean("stale_raised"));
		}

		private static Instant instant(ResultSet rs, String column) throws SQLException {
			Timestamp t = rs.getTimestamp(column);
			return t == null ? null : t.toInstant();
		}

		boolean tracked() {
			return dueAt != null;
		}

		Status reported(Health health, Instant at) {
			return new Status(riskKey, accountId, severity, at, health, countedFrom, dueAt, staleRaised);
		}

		Status withSeverity(Severity newSeverity) {
			return new Status(riskKey, accountId, newSeverity, lastUpdateAt, lastHealth, countedFrom, dueAt, staleRaised);
		}

		Status countingFrom(Instant from, Instant due, boolean raised) {
			return new Status(riskKey, accountId, severity, lastUpdateAt, lastHealth, from, due, raised);
		}

	}

}
