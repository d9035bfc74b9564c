package io.riskdesk.demo.dataset;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.random.RandomGenerator;

import io.riskdesk.concession.ConcessionKind;
import io.riskdesk.concession.ConcessionStatus;
import io.riskdesk.demo.dataset.DatasetGenerator.Account;
import io.riskdesk.demo.dataset.DatasetGenerator.Ids;
import io.riskdesk.demo.dataset.DatasetGenerator.Person;
import io.riskdesk.demo.dataset.DatasetGenerator.Rows;
import io.riskdesk.demo.portfolio.Randoms;
import io.riskdesk.plan.MilestoneKind;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.progress.Health;
import io.riskdesk.risk.Outcome;
import io.riskdesk.risk.RiskSource;
import io.riskdesk.risk.RiskStatus;
import io.riskdesk.risk.TriageStep;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.ClockState;
import io.riskdesk.timeline.TimelineKind;
import io.riskdesk.web.Labels;

/**
 * One generated risk, walked through the workflow as the app would (logged, triaged with its five steps,
 * worked with milestones, decisions, blockers, progress updates and concessions, resolved with a root
 * cause and prevention items, closed with an outcome, or closed as a duplicate of the risk before it),
 * written as the rows the app's services would have left: the risk, its timeline, its SLA clocks in the
 * state they have at the data set's "now", and the db-scheduler checks of those still running.
 */
final class RiskStory {

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm 'UTC'")
		.withZone(ZoneOffset.UTC);

	/** How long risks of each severity stay unresolved: log-normal medians in days. */
	private static final Map<Severity, Double> MEDIAN_DAYS_TO_RESOLVE = Map.of(Severity.S0, 10.0, Severity.S1, 25.0,
			Severity.S2, 45.0, Severity.S3, 60.0);

	private static final Map<Severity, Cadence> CADENCES = Map.of(Severity.S0, Cadence.DAILY, Severity.S1,
			Cadence.THREE_TIMES_WEEKLY, Severity.S2, Cadence.WEEKLY, Severity.S3, Cadence.BIWEEKLY);

	private static final Map<RiskCategory, List<String>> SUBJECTS = Map.of(
			RiskCategory.ADOPTION, List.of("Weekly active users down", "Dashboards no longer opened", "Reports team stopped logging in",
					"Mobile app usage collapsed", "Workflow automation unused"),
			RiskCategory.PEOPLE, List.of("Executive sponsor left", "Champion moved to another team", "New VP questions the tool",
					"Admin on long leave", "Buying committee reorganised"),
			RiskCategory.COMMERCIAL, List.of("Invoices unpaid for 60 days", "Budget cut for next year", "Procurement asks for discount",
					"Renewal paperwork stalled", "Competitor quote on the table"),
			RiskCategory.SUPPORT, List.of("Repeated Sev-1 tickets on sync", "Escalated ticket backlog", "SSO login failures",
					"Slow answers from support", "Workarounds for export bugs"),
			RiskCategory.PRODUCT_FIT, List.of("Missing approval workflow", "No data residency option", "API rate limits too low",
					"Reporting lacks custom fields", "Integration with ERP missing"),
			RiskCategory.SENTIMENT, List.of("NPS detractor from sponsor", "Angry escalation email", "Poor QBR feedback",
					"CSAT dropped after migration", "Public complaint by admin"),
			RiskCategory.INCIDENT, List.of("Outage of the reporting service", "Data sync delayed for hours", "Security questionnaire finding",
					"Invoice run failed", "Webhook deliveries lost"));

	private static final List<String> CONTEXTS = List.of("before the renewal", "after the migration", "in the EMEA team",
			"since the last release", "during month-end close", "for the finance persona", "at the regional offices");

	private static final List<String> ROOT_CAUSES = List.of("Onboarding of the new team was never finished",
			"A product defect in the sync connector", "Sponsor change without a handover",
			"Budget pressure after a reorganisation", "Missing capability the customer needed",
			"Support escalations were not prioritised", "Configuration drift after an upgrade",
			"Unclear success criteria agreed at sale");

	private static final List<String> DECISIONS = List.of("Offer a dedicated enablement week",
			"Escalate the defect to engineering leadership", "Move the QBR forward by a month",
			"Hold the price increase until the fix ships", "Assign a named support engineer");

	private static final List<String> BLOCKERS = List.of("Customer IT freeze until month end",
			"Waiting on a hotfix from engineering", "Sponsor unavailable for three weeks", "Legal review of the amendment");

	private static final List<String> MILESTONES = List.of("Usage review with the customer", "Enablement session delivered",
			"Success plan agreed", "Executive alignment call", "Fix deployed and verified", "RCA delivered",
			"Commercial options approved internally", "Value summary sent to the economic buyer");

	private static final List<String> PREVENTION = List.of("Quarterly adoption review in the success plan",
			"Alert on usage drops over 30 percent", "Handover checklist for sponsor changes",
			"Regression test for the sync connector", "Renewal readiness check at D-120");

	private static final List<String> PROGRESS = List.of("Call held, next steps agreed", "Waiting on the customer's answer",
			"Milestone on track", "Usage recovering", "Escalated internally");

	private final String key;

	private final Instant loggedAt;

	private final Account account;

	private final String duplicateOf;

	private final List<Person> people;

	private final Ids ids;

	private final Rows rows;

	private final RandomGenerator random;

	private final Instant now;

	private final long riskId;

	private int version;

	RiskStory(DatasetSpec spec, int index, String key, Instant loggedAt, Account account, String duplicateOf,
			List<Person> people, Ids ids, Rows rows) {
		this.key = key;
		this.loggedAt = loggedAt;
		this.account = account;
		this.duplicateOf = duplicateOf;
		this.people = people;
		this.ids = ids;
		this.rows = rows;
		this.random = Randoms.of(spec.seed(), index, DatasetGenerator.Streams.RISK);
		this.now = spec.now();
		this.riskId = index + 1L;
	}

	void write() {
		RiskCategory category = Randoms.pick(random, List.of(RiskCategory.values()));
		Severity severity = severity();
		RiskSource source = source();
		Severity loggedSeverity = source == RiskSource.MANUAL && Randoms.chance(random, 0.3) ? null : severity;
		String subject = Randoms.pick(random, SUBJECTS.get(category));
		String title = subject + " " + Randoms.pick(random, CONTEXTS);
		String description = subject + " at " + account.name() + ", noticed " + Randoms.pick(random, CONTEXTS) + ".";
		List<String> evidence = new ArrayList<>();
		for (int n = Randoms.between(random, 1, 3); evidence.size() < n;) {
			evidence.add(evidenceLine(category, evidence.size()));
		}
		Person owner = Randoms.chance(random, 0.9) ? account.csm() : Randoms.pick(random, people);
		Person actor = source == RiskSource.SIGNAL ? null : owner;
		String logActor = actor == null ? "signal-detection" : actor.actor();
		Instant detectedAt = loggedAt.minusSeconds(switch (source) {
			case SIGNAL -> Randoms.between(random, 60, 3 * 3600);
			case MANUAL -> Math.min(10 * 86_400L, (long) Randoms.logNormal(random, 3 * 3600, 1.0));
			case IMPORT -> Randoms.between(random, 86_400, 5 * 86_400);
		});
		RiskRow risk = new RiskRow();
		risk.detectedAt = detectedAt;
		risk.severity = loggedSeverity;
		// A detector's risk has no owner until triage; a person logs one with an owner.
		risk.ownerId = source == RiskSource.SIGNAL ? null : owner.id();
		timeline(loggedAt, logActor, TimelineKind.LOGGED, "Risk logged: " + title, null, "OPEN",
				Map.of("source", source.name(), "detectedAt", detectedAt.toString()));
		step(TriageStep.LOG_RISK, loggedAt, logActor, null);
		if (source == RiskSource.IMPORT) {
			imported(title, subject, evidence, owner);
		}
		for (int n = 0; n < evidence.size(); n++) {
			rows.add(DatasetTable.RISK_EVIDENCE, riskId, n, evidence.get(n));
		}
		if (Randoms.chance(random, 0.3)) {
			Person coOwner = Randoms.chance(random, 0.5) ? account.ae() : account.supportLead();
			if (coOwner.id() != owner.id()) {
				rows.add(DatasetTable.RISK_CO_OWNER, riskId, coOwner.id());
			}
		}
		if (duplicateOf != null) {
			duplicate(risk, severity, owner);
		}
		else {
			work(risk, severity, category, owner);
		}
		rows.add(DatasetTable.RISK, riskId, key, account.id(), title, category.name(), description, name(risk.severity),
				risk.status.name(), source.name(), name(risk.cadence), risk.ownerId, detectedAt, loggedAt, risk.triagedAt,
				risk.firstResponseAt, risk.resolvedAt, risk.closedAt, risk.triageCompletedAt, risk.rootCause,
				name(risk.outcome), risk.closingSummary, duplicateOf, String.join("\n", evidence), version);
	}

	/** Logged again for the same account shortly after the risk before it, and closed as its duplicate. */
	private void duplicate(RiskRow risk, Severity severity, Person owner) {
		Instant closed = loggedAt.plusSeconds(Randoms.between(random, 600, 2 * 86_400));
		if (closed.isAfter(now)) {
			risk.status = RiskStatus.OPEN;
			riskClocks(risk, risk.severity, null);
			return;
		}
		riskClocks(risk, risk.severity, closed);
		risk.status = RiskStatus.CLOSED;
		risk.closedAt = closed;
		version++;
		timeline(closed, owner.actor(), TimelineKind.TRANSITIONED, "OPEN -> CLOSED: Duplicate of " + duplicateOf, "OPEN",
				"CLOSED", Map.of("duplicateOf", duplicateOf));
		timeline(duplicateOf, closed, owner.actor(), TimelineKind.DUPLICATE_LINKED,
				key + " was closed as a duplicate of this risk", null, null, Map.of("duplicate", key));
	}

	/** Triage, the plan, the work and, unless it is still open at "now", resolution and close. */
	private void work(RiskRow risk, Severity severity, RiskCategory category, Person owner) {
		String by = owner.actor();
		Instant resolvedAt = risk.detectedAt.plusSeconds((long) (86_400
				* Randoms.logNormal(random, MEDIAN_DAYS_TO_RESOLVE.get(severity), 0.9)));
		// Most teams triage within the day: about one risk in ten breaches a clock.
		Instant triagedAt = loggedAt.plusSeconds(Math.min(7 * 86_400L, (long) Randoms.logNormal(random, 2 * 3600, 0.8)));
		Instant capAt = triagedAt.plusSeconds((long) Randoms.logNormal(random, 2 * 3600, 0.7));
		Instant notifiedAt = triagedAt.plusSeconds((long) Randoms.logNormal(random, 1200, 0.7));
		Instant cadenceAt = triagedAt.plusSeconds((long) Randoms.logNormal(random, 3 * 3600, 0.7));
		Instant activatedAt = max(capAt, max(notifiedAt, cadenceAt)).plusSeconds(60);
		// A risk still being triaged at "now" is TRIAGED; so are some whose team never finished triage.
		boolean stuckInTriage = Randoms.chance(random, 0.1);
		resolvedAt = max(resolvedAt, activatedAt.plusSeconds(3600));
		Instant firstResponseAt = max(loggedAt.plusSeconds(300), risk.detectedAt.plusSeconds(
				(long) Randoms.logNormal(random, firstResponseSeconds(severity) * 0.35, 0.7)));
		boolean resolved = !resolvedAt.isAfter(now);
		Instant end = resolved ? resolvedAt : now;
		// The backlog: some risks still open at "now" were never triaged.
		boolean backlog = !resolved && Randoms.chance(random, 0.08);

		if (!triagedAt.isBefore(now) || backlog) {
			risk.status = RiskStatus.OPEN;
			if (!firstResponseAt.isAfter(now)) {
				firstResponse(risk, firstResponseAt, by);
			}
			riskClocks(risk, risk.severity, null);
			return;
		}
		if (risk.severity != null && risk.severity != severity) {
			throw new IllegalStateException("a logged severity is the risk's");
		}
		risk.severity = severity;
		risk.ownerId = owner.id();
		risk.triagedAt = triagedAt;
		version++;
		step(TriageStep.ASSIGN_SEVERITY_AND_OWNERS, triagedAt, by, "Severity " + severity + ", owner " + owner.id());
		timeline(triagedAt, by, TimelineKind.TRANSITIONED, "OPEN -> TRIAGED", "OPEN", "TRIAGED", Map.of());
		risk.status = RiskStatus.TRIAGED;
		if (!firstResponseAt.isAfter(end)) {
			firstResponse(risk, firstResponseAt, by);
		}
		boolean triageDone = !stuckInTriage || resolved;
		List<long[]> milestoneIds = new ArrayList<>();
		if (!capAt.isAfter(now) && (triageDone || Randoms.chance(random, 0.5))) {
			version++;
			step(TriageStep.CREATE_CAP, capAt, by, "CAP with milestones for " + Labels.of(category).toLowerCase());
			milestones(risk, capAt, end, resolved, owner);
		}
		if (!notifiedAt.isAfter(now) && (triageDone || Randoms.chance(random, 0.5))) {
			version++;
			step(TriageStep.NOTIFY_STAKEHOLDERS, notifiedAt, by, "Notified per the escalation matrix for " + severity);
			risk.notifiedAt = notifiedAt;
		}
		if (!cadenceAt.isAfter(now) && triageDone) {
			version++;
			risk.cadence = CADENCES.get(severity);
			step(TriageStep.SET_CADENCE, cadenceAt, by, "Cadence " + risk.cadence);
			cadence(risk, cadenceAt, resolved ? resolvedAt : null, by);
		}
		if (triageDone && !activatedAt.isAfter(now)) {
			version++;
			risk.triageCompletedAt = max(capAt, max(notifiedAt, cadenceAt));
			risk.activatedAt = activatedAt;
			timeline(activatedAt, by, TimelineKind.TRANSITIONED, "TRIAGED -> ACTIVE", "TRIAGED", "ACTIVE", Map.of());
			risk.status = RiskStatus.ACTIVE;
		}
		riskClocks(risk, severity, resolved ? resolvedAt : null);
		progress(risk, triagedAt, end, resolved, severity, by);
		decisionsAndBlockers(risk, max(triagedAt, risk.activatedAt == null ? triagedAt : risk.activatedAt), end,
				resolved, by);
		concession(risk, category, end, resolved, owner);
		if (!resolved) {
			return;
		}
		String cause = Randoms.pick(random, ROOT_CAUSES);
		version++;
		risk.rootCause = cause;
		risk.resolvedAt = resolvedAt;
		risk.status = RiskStatus.RESOLVED;
		timeline(resolvedAt, by, TimelineKind.TRANSITIONED, "ACTIVE -> RESOLVED: Root cause: " + cause, "ACTIVE",
				"RESOLVED", Map.of());
		prevention(risk, resolvedAt, owner);
		Instant closedAt = resolvedAt.plusSeconds((long) Randoms.logNormal(random, 5 * 86_400, 0.8));
		if (closedAt.isAfter(now)) {
			return;
		}
		Outcome outcome = outcome();
		String summary = switch (outcome) {
			case RETAINED -> "Customer renewed after the plan was delivered.";
			case EXPANDED -> "Customer renewed and added seats.";
			case DOWNGRADED -> "Customer renewed with fewer seats.";
			case CHURNED -> "Customer did not renew.";
		};
		version++;
		risk.outcome = outcome;
		risk.closingSummary = summary;
		risk.closedAt = closedAt;
		risk.status = RiskStatus.CLOSED;
		timeline(closedAt, by, TimelineKind.TRANSITIONED, "RESOLVED -> CLOSED: Outcome: " + outcome + ". " + summary,
				"RESOLVED", "CLOSED", Map.of());
	}

	private void firstResponse(RiskRow risk, Instant at, String by) {
		version++;
		risk.firstResponseAt = at;
		timeline(at, by, TimelineKind.FIRST_RESPONSE, "First response: Called the customer's point of contact", null,
				at.toString(), Map.of());
	}

	/**
	 * The risk's own clocks from its detection: triage always, first response and notification with a
	 * severity. {@code stoppedAt}: when the risk was resolved (or closed as a duplicate), else null.
	 */
	private void riskClocks(RiskRow risk, Severity severity, Instant stop) {
		List<ClockKind> stopped = new ArrayList<>();
		Instant detected = risk.detectedAt;
		clock(ClockKind.TRIAGE, null, severity, new Target("within 24 h of detection", false, 86_400,
				detected.plusSeconds(86_400)), detected, risk.activatedAt, stop, stopped);
		if (severity != null) {
			clock(ClockKind.FIRST_RESPONSE, null, severity, firstResponseTarget(severity, detected), detected,
					risk.firstResponseAt, stop, stopped);
			clock(ClockKind.NOTIFICATION, null, severity, notificationTarget(severity, detected), detected, risk.notifiedAt,
					stop, stopped);
		}
		if (!stopped.isEmpty()) {
			timeline("sla", stop, TimelineKind.SLA, "SLA clocks stopped, the risk is resolved: " + String.join(", ",
					stopped.stream().map(k -> Labels.of(k).toLowerCase()).toList()),
					Map.of("event", "STOPPED", "clocks", stopped.stream().map(ClockKind::name).toList()));
		}
	}

	/** A clock's target: its label, whether it counts working time, its total in seconds of that time, its due instant. */
	private record Target(String label, boolean business, long total, Instant due) {
	}

	private Target firstResponseTarget(Severity severity, Instant start) {
		return switch (severity) {
			case S0 -> clockTime("S0: 2 h", start, 2);
			case S1 -> workingTime("S1: 4 business h", start, Duration.ofHours(4));
			case S2 -> workingTime("S2: 1 business day", start, WorkingHours.DAY);
			case S3 -> workingTime("S3: 2 business days", start, WorkingHours.DAY.multipliedBy(2));
		};
	}

	private static Target clockTime(String label, Instant start, int hours) {
		return new Target(label, false, hours * 3600L, start.plusSeconds(hours * 3600L));
	}

	private Target workingTime(String label, Instant start, Duration amount) {
		return new Target(label, true, amount.toSeconds(), WorkingHours.plus(start, amount, account.zone()));
	}

	private long firstResponseSeconds(Severity severity) {
		return switch (severity) {
			case S0 -> 2 * 3600;
			case S1 -> 8 * 3600;
			case S2 -> 30 * 3600;
			case S3 -> 60 * 3600;
		};
	}

	/** S0's "same business day" is never later than S1's 4 hours, as the app's targets take the earliest. */
	private Target notificationTarget(Severity severity, Instant start) {
		return switch (severity) {
			case S0 -> {
				Instant sameDay = WorkingHours.endOfDay(start, account.zone());
				Instant fourHours = start.plusSeconds(4 * 3600);
				// Working time left in the day: from the start, or from the opening when it starts outside the hours.
				Instant opens = WorkingHours.plus(start, Duration.ZERO, account.zone());
				yield sameDay.isAfter(fourHours) ? clockTime("S0: same business day, at most S1: 4 h", start, 4)
						: new Target("S0: same business day", true, Duration.between(opens, sameDay).toSeconds(), sameDay);
			}
			case S1 -> clockTime("S1: 4 h", start, 4);
			case S2 -> workingTime("S2: 1 business day", start, WorkingHours.DAY);
			case S3 -> workingTime("S3: 2 business days", start, WorkingHours.DAY.multipliedBy(2));
		};
	}

	/**
	 * One clock as it stands at "now": met (late, after a breach), breached, stopped at {@code stoppedAt},
	 * or running, with the SLA timeline entries of what happened to it and the checks of a running one.
	 */
	private void clock(ClockKind kind, Long milestoneId, Severity severity, Target goal, Instant started, Instant metAt,
			Instant stoppedAt, List<ClockKind> stopped) {
		long id = ids.next();
		String target = goal.label();
		boolean business = goal.business();
		long total = goal.total();
		Instant due = goal.due();
		Instant warnAt = business ? WorkingHours.plus(started, Duration.ofSeconds(Math.round(total * 0.75)), account.zone())
				: started.plusSeconds(Math.round(total * 0.75));
		Instant until = min(now, stoppedAt);
		Instant metBefore = metAt != null && !metAt.isAfter(until) ? metAt : null;
		ClockState state;
		Instant breachedAt = null;
		Instant warnedAt = null;
		Instant dueAt = null;
		Instant pendingWarnAt = null;
		long remaining = total;
		String named = Labels.of(kind).toLowerCase();
		if (metBefore != null && !metBefore.isAfter(due)) {
			state = ClockState.MET;
			warnedAt = metBefore.isAfter(warnAt) && total > 0 ? warnAt : null;
		}
		else if (!due.isAfter(metBefore != null ? metBefore : until)) {
			state = ClockState.BREACHED;
			breachedAt = due;
			warnedAt = warnAt.isBefore(due) ? warnAt : null;
			dueAt = due;
			remaining = 0;
		}
		else if (stoppedAt != null && !stoppedAt.isAfter(now)) {
			state = ClockState.STOPPED;
			warnedAt = stoppedAt.isAfter(warnAt) && total > 0 ? warnAt : null;
			stopped.add(kind);
		}
		else {
			state = ClockState.RUNNING;
			dueAt = due;
			if (warnAt.isAfter(now)) {
				pendingWarnAt = warnAt;
				task("sla-clock-check", id + "-warning-" + warnAt.toEpochMilli(), id, warnAt);
			}
			else {
				warnedAt = warnAt;
			}
			task("sla-clock-check", id + "-breach-" + due.toEpochMilli(), id, due);
		}
		// On-time "clock met" lines, and the warnings before them, are left out: they would double the timeline.
		boolean late = state == ClockState.BREACHED;
		if (warnedAt != null && (late || state == ClockState.RUNNING)) {
			timeline("sla", warnedAt, TimelineKind.SLA, "SLA warning: the " + named + " clock (" + target + ") is due "
					+ MINUTES.format(due), Map.of("clock", kind.name(), "event", "WARNING", "dueAt", due.toString()));
		}
		if (breachedAt != null) {
			timeline("sla", breachedAt, TimelineKind.SLA, "SLA breached: the " + named + " clock (" + target + ") was due "
					+ MINUTES.format(due), Map.of("clock", kind.name(), "event", "BREACH", "dueAt", due.toString()));
		}
		if (metBefore != null && late) {
			timeline("sla", metBefore, TimelineKind.SLA, Labels.of(kind) + " clock met late (it had breached)",
					Map.of("clock", kind.name(), "event", "MET_LATE"));
		}
		rows.add(DatasetTable.SLA_CLOCK, id, key, kind.name(), milestoneId, name(severity), target, business, "default",
				account.zone().getId(), account.country(), total, started, remaining, started, dueAt, pendingWarnAt,
				state.name(), warnedAt, breachedAt, metBefore, 0);
	}

	/** The corrective action plan: milestones due over the weeks after it was made, each with its clock. */
	private void milestones(RiskRow risk, Instant createdAt, Instant end, boolean resolved, Person owner) {
		int count = Randoms.between(random, 1, 3);
		List<String> titles = new ArrayList<>(MILESTONES);
		LocalDate created = createdAt.atZone(account.zone()).toLocalDate();
		for (int position = 1; position <= count; position++) {
			String title = titles.remove(random.nextInt(titles.size()));
			LocalDate due = WorkingHours.onOrAfter(created.plusDays(Randoms.between(random, 2, 10) * (long) position));
			Person by = Randoms.chance(random, 0.7) ? owner : account.supportLead();
			Instant dueAt = WorkingHours.endOfDay(due, account.zone());
			Instant doneAt = createdAt.plusSeconds((long) (Duration.between(createdAt, dueAt).toSeconds()
					* Randoms.between(random, 0.3, 1.1)));
			boolean dropped = resolved && Randoms.chance(random, 0.1);
			if (resolved && !doneAt.isBefore(end)) {
				doneAt = min(doneAt, end.minusSeconds(600));
				doneAt = max(doneAt, createdAt.plusSeconds(60));
			}
			milestone(risk.severity, MilestoneKind.PLAN, position, title, by, due, createdAt, owner.actor(),
					dropped ? null : doneAt, dropped ? end : null, "Dropped when the risk was resolved");
		}
	}

	/** The prevention items the risk is resolved with, tracked as PREVENTION milestones from then on. */
	private void prevention(RiskRow risk, Instant resolvedAt, Person owner) {
		int count = Randoms.chance(random, 0.8) ? 1 : 2;
		List<String> texts = new ArrayList<>(PREVENTION);
		LocalDate resolved = resolvedAt.atZone(account.zone()).toLocalDate();
		for (int n = 0; n < count; n++) {
			String text = texts.remove(random.nextInt(texts.size()));
			LocalDate due = WorkingHours.onOrAfter(resolved.plusDays(Randoms.between(random, 20, 60)));
			Person by = n == 0 ? owner : account.manager();
			rows.add(DatasetTable.RISK_PREVENTION_ITEM, riskId, n, text, by.name(), due);
			Instant dueAt = WorkingHours.endOfDay(due, account.zone());
			Instant doneAt = resolvedAt.plusSeconds((long) (Duration.between(resolvedAt, dueAt).toSeconds()
					* Randoms.between(random, 0.4, 1.3)));
			milestone(risk.severity, MilestoneKind.PREVENTION, n + 1, text, by, due, resolvedAt, owner.actor(), doneAt,
					null, null);
		}
	}

	/**
	 * A milestone added at {@code createdAt}, done at {@code doneAt} if that is before "now", dropped at
	 * {@code droppedAt}; otherwise still to do (in progress for some), overdue once its date passed.
	 */
	private void milestone(Severity severity, MilestoneKind kind, int position, String title, Person owner,
			LocalDate due, Instant createdAt, String by, Instant doneAt, Instant droppedAt, String dropReason) {
		long id = ids.next();
		Instant dueAt = WorkingHours.endOfDay(due, account.zone());
		boolean done = droppedAt == null && doneAt != null && !doneAt.isAfter(now);
		boolean dropped = droppedAt != null;
		MilestoneStatus status = done ? MilestoneStatus.DONE : dropped ? MilestoneStatus.DROPPED
				: Randoms.chance(random, 0.3) ? MilestoneStatus.DOING : MilestoneStatus.TODO;
		Instant start = (createdAt.isBefore(dueAt) ? createdAt : dueAt).truncatedTo(ChronoUnit.SECONDS);
		Instant overdueAt = !done && !dropped && !dueAt.isAfter(now) ? dueAt : null;
		Map<String, Object> added = new LinkedHashMap<>();
		added.put("milestone", id);
		added.put("owner", owner.name());
		added.put("due", due.toString());
		timeline(createdAt, by, TimelineKind.MILESTONE, (kind == MilestoneKind.PREVENTION ? "Prevention item for "
				: "Milestone for ") + owner.name() + ": " + title + " (due " + due + ")", null, null, added);
		clock(ClockKind.MILESTONE, id, severity, new Target("Milestone: " + title + " by " + due, false,
				Duration.between(start, dueAt).toSeconds(), dueAt), start, done ? doneAt : null, dropped ? droppedAt : null,
				new ArrayList<>());
		if (done) {
			timeline(doneAt, owner.actor(), TimelineKind.MILESTONE, "Milestone done: " + title, null, null,
					Map.of("milestone", id, "event", "DONE"));
		}
		else if (dropped) {
			timeline(droppedAt, by, TimelineKind.MILESTONE, "Milestone dropped: " + title + " (" + dropReason + ")", null,
					null, Map.of("milestone", id, "event", "DROPPED"));
		}
		rows.add(DatasetTable.CAP_MILESTONE, id, key, title, owner.name(), owner.id(), due, status.name(),
				"Agreed with the customer", kind.name(), position, dropped ? dropReason : null, overdueAt, createdAt, by,
				done ? doneAt : dropped ? droppedAt : null, done ? owner.actor() : dropped ? by : null, done || dropped ? 1 : 0);
	}

	/** Progress updates at about the severity's frequency, and the risk's progress status at "now". */
	private void progress(RiskRow risk, Instant triagedAt, Instant end, boolean resolved, Severity severity, String by) {
		long every = severity.compareTo(Severity.S1) <= 0 ? 86_400 : 302_400;
		long span = Duration.between(triagedAt, end).toSeconds();
		int count = (int) Math.min(2, Math.max(0, span / every * Randoms.between(random, 0.3, 1.0)));
		Instant last = null;
		Health health = null;
		for (int n = 1; n <= count; n++) {
			Instant at = triagedAt.plusSeconds(span * n / (count + 1));
			health = Randoms.chance(random, 0.6) ? Health.ON_TRACK : Randoms.chance(random, 0.75) ? Health.AT_RISK
					: Health.OFF_TRACK;
			String text = Randoms.pick(random, PROGRESS);
			rows.add(DatasetTable.PROGRESS_UPDATE, key, health.name(), text, by, at);
			timeline(at, by, TimelineKind.PROGRESS, "Progress: " + health + " - " + text, null, health.name(), Map.of());
			last = at;
		}
		Instant countedFrom = last != null ? last : triagedAt;
		Instant due = resolved ? null : countedFrom.plusSeconds(every);
		boolean stale = due != null && !due.isAfter(now);
		rows.add(DatasetTable.PROGRESS_STATUS, key, account.id(), severity.name(), last, name(health), countedFrom, due,
				stale);
		if (due != null && !stale) {
			task("progress-stale-check", key, key, due);
		}
	}

	private void cadence(RiskRow risk, Instant at, Instant endedAt, String by) {
		UUID uid = new UUID(random.nextLong(), random.nextLong());
		rows.add(DatasetTable.CADENCE_SCHEDULE, key, uid + "@riskdesk", risk.cadence.name(), LocalTime.of(10, 0), 30,
				at.atZone(account.zone()).toLocalDate().plusDays(1), endedAt == null ? 0 : 1, endedAt,
				endedAt == null ? null : "The risk was resolved", at, by, endedAt == null ? 0 : 1);
	}

	private void decisionsAndBlockers(RiskRow risk, Instant from, Instant end, boolean resolved, String by) {
		long span = Math.max(60, Duration.between(from, end).toSeconds());
		if (Randoms.chance(random, 0.25)) {
			int count = Randoms.between(random, 1, 2);
			for (int n = 1; n <= count; n++) {
				Instant at = from.plusSeconds(span * n / (count + 2));
				String text = Randoms.pick(random, DECISIONS);
				version++;
				rows.add(DatasetTable.RISK_DECISION, riskId, n - 1, text, at, by);
				timeline(at, by, TimelineKind.DECISION, "Decision: " + text, null, null, Map.of("number", n));
			}
		}
		if (Randoms.chance(random, 0.12)) {
			Instant raised = from.plusSeconds(span / 4);
			String text = Randoms.pick(random, BLOCKERS);
			version++;
			timeline(raised, by, TimelineKind.BLOCKER_RAISED, "Blocker #1 raised: " + text, null, "open", Map.of("number", 1));
			boolean cleared = resolved || Randoms.chance(random, 0.5);
			Instant clearedAt = cleared ? from.plusSeconds(span * 3 / 4) : null;
			String resolution = cleared ? "Cleared with the customer" : null;
			if (cleared) {
				version++;
				timeline(clearedAt, by, TimelineKind.BLOCKER_CLEARED, "Blocker #1 cleared: " + resolution, "open", "cleared",
						Map.of("number", 1));
			}
			rows.add(DatasetTable.RISK_BLOCKER, riskId, 0, text, raised, by, clearedAt, cleared ? by : null, resolution);
		}
	}

	/** Some commercial, sentiment and incident risks are settled with a concession. */
	private void concession(RiskRow risk, RiskCategory category, Instant end, boolean resolved, Person owner) {
		if (risk.activatedAt == null || account.arr() == null
				|| !List.of(RiskCategory.COMMERCIAL, RiskCategory.SENTIMENT, RiskCategory.INCIDENT).contains(category)
				|| !Randoms.chance(random, 0.15)) {
			return;
		}
		ConcessionKind kind = Randoms.pick(random, List.of(ConcessionKind.SERVICE_CREDIT, ConcessionKind.PENALTY_WAIVER,
				ConcessionKind.DEDICATED_TAM));
		BigDecimal amount = account.arr()
			.multiply(BigDecimal.valueOf(Randoms.between(random, 2, 10)))
			.divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP);
		long span = Math.max(600, Duration.between(risk.activatedAt, end).toSeconds());
		Instant proposed = risk.activatedAt.plusSeconds(span / 5);
		Instant decided = risk.activatedAt.plusSeconds(span * 2 / 5);
		Instant offered = risk.activatedAt.plusSeconds(span * 3 / 5);
		Instant answered = risk.activatedAt.plusSeconds(span * 4 / 5);
		ConcessionStatus status;
		if (resolved) {
			status = Randoms.chance(random, 0.7) ? ConcessionStatus.ACCEPTED
					: Randoms.chance(random, 0.5) ? ConcessionStatus.DECLINED : ConcessionStatus.REJECTED;
		}
		else {
			status = Randoms.pick(random, List.of(ConcessionStatus.PROPOSED, ConcessionStatus.APPROVED, ConcessionStatus.OFFERED));
		}
		String text = Labels.of(kind) + ", " + account.currency() + " " + amount.toPlainString();
		String description = "Goodwill " + Labels.of(kind).toLowerCase() + " to keep the renewal on track";
		String manager = account.manager().actor();
		boolean isDecided = status != ConcessionStatus.PROPOSED;
		boolean isOffered = List.of(ConcessionStatus.OFFERED, ConcessionStatus.ACCEPTED, ConcessionStatus.DECLINED)
			.contains(status);
		boolean isAnswered = status == ConcessionStatus.ACCEPTED || status == ConcessionStatus.DECLINED;
		timeline(proposed, owner.actor(), TimelineKind.CONCESSION, "Concession proposed: " + text + ": " + description, null,
				"PROPOSED", Map.of());
		if (isDecided) {
			boolean rejected = status == ConcessionStatus.REJECTED;
			timeline(decided, manager, TimelineKind.CONCESSION, (rejected ? "Concession rejected: " : "Concession approved: ")
					+ text, "PROPOSED", rejected ? "REJECTED" : "APPROVED", Map.of());
		}
		if (isOffered) {
			timeline(offered, owner.actor(), TimelineKind.CONCESSION, "Concession offered to the customer: " + text,
					"APPROVED", "OFFERED", Map.of());
		}
		if (isAnswered) {
			boolean accepted = status == ConcessionStatus.ACCEPTED;
			timeline(answered, owner.actor(), TimelineKind.CONCESSION, (accepted ? "Customer accepted the concession: "
					: "Customer declined the concession: ") + text, "OFFERED", status.name(), Map.of());
		}
		rows.add(DatasetTable.CONCESSION, key, account.id(), kind.name(), description, amount, account.currency(),
				status.name(), proposed, owner.actor(), isDecided ? decided : null, isDecided ? manager : null,
				isDecided ? "CS_MANAGER" : null, status == ConcessionStatus.REJECTED ? "Not justified by the ARR at risk" : null,
				isOffered ? offered : null, isOffered ? owner.actor() : null, isAnswered ? answered : null,
				isAnswered ? account.sponsor() : null,
				(isDecided ? 1 : 0) + (isOffered ? 1 : 0) + (isAnswered ? 1 : 0));
	}

	/** The escalation email the risk was imported from. */
	private void imported(String title, String subject, List<String> evidence, Person owner) {
		long id = ids.next();
		String content = "# " + title + "\n\nFrom: " + account.sponsor() + "\nTo: " + owner.name() + "\n\n" + subject
				+ ". This needs attention before our next review.\n\n" + String.join("\n", evidence.stream().map(e -> "- " + e).toList())
				+ "\n\nReference " + key + "\n";
		String fileName = "escalation-" + key.toLowerCase() + ".md";
		byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
		rows.add(DatasetTable.INTAKE_IMPORT, id, sha256(bytes), fileName, content, bytes.length, key, account.id(), loggedAt,
				owner.actor());
		timeline(loggedAt, owner.actor(), TimelineKind.IMPORTED, "Imported from " + fileName + " (import " + id
				+ "): action items 0, decisions 0, meetings 0", null, null, Map.of("import", id));
	}

	private String evidenceLine(RiskCategory category, int n) {
		int value = Randoms.between(random, 5, 95);
		return switch (category) {
			case ADOPTION -> "WAU down " + value + "% over 14 days";
			case PEOPLE -> "Sponsor's last login " + value + " days ago";
			case COMMERCIAL -> "Invoice overdue by " + value + " days";
			case SUPPORT -> value / 10 + 1 + " Sev-1 tickets in 30 days";
			case PRODUCT_FIT -> "Feature request upvoted by " + value + " users";
			case SENTIMENT -> "NPS " + (value / 10) + " from the sponsor";
			case INCIDENT -> "Outage of " + value + " minutes";
		} + (n == 0 ? "" : " (report " + (n + 1) + ")");
	}

	private Severity severity() {
		double u = random.nextDouble();
		return u < 0.05 ? Severity.S0 : u < 0.25 ? Severity.S1 : u < 0.7 ? Severity.S2 : Severity.S3;
	}

	private RiskSource source() {
		double u = random.nextDouble();
		return u < 0.45 ? RiskSource.SIGNAL : u < 0.9 ? RiskSource.MANUAL : RiskSource.IMPORT;
	}

	private Outcome outcome() {
		double u = random.nextDouble();
		return u < 0.72 ? Outcome.RETAINED : u < 0.82 ? Outcome.EXPANDED : u < 0.92 ? Outcome.DOWNGRADED : Outcome.CHURNED;
	}

	private void step(TriageStep step, Instant at, String by, String note) {
		rows.add(DatasetTable.RISK_TRIAGE_STEP, riskId, step.name(), at, by, note);
		if (step != TriageStep.LOG_RISK) {
			timeline(at, by, TimelineKind.TRIAGE_STEP, "Triage step " + step + (note == null ? "" : ": " + note), null, null,
					Map.of("step", step.name()));
		}
	}

	/**
	 * A task of db-scheduler: its data serialized as db-scheduler's default serializer does (Java serialization).
	 */
	private void task(String name, String instance, Serializable data, Instant at) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
			out.writeObject(data);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		rows.add(DatasetTable.SCHEDULED_TASKS, name, instance, "\\x" + HexFormat.of().formatHex(bytes.toByteArray()), at,
				false, 0, 1, 0);
	}

	private void timeline(Instant at, String actor, TimelineKind kind, String summary, String before, String after,
			Map<String, ?> details) {
		timeline(key, at, actor, kind, summary, before, after, details);
	}

	private void timeline(String actor, Instant at, TimelineKind kind, String summary, Map<String, ?> details) {
		timeline(key, at, actor, kind, summary, null, null, details);
	}

	private void timeline(String riskKey, Instant at, String actor, TimelineKind kind, String summary, String before,
			String after, Map<String, ?> details) {
		rows.add(DatasetTable.TIMELINE_ENTRY, riskKey, at, actor, kind.name(), summary, before, after, json(details));
	}

	/**
	 * The details as JSON, names sorted (a Map.of's order changes from run to run): their values are numbers,
	 * plain strings (no quotes or backslashes) and lists of them.
	 */
	private static String json(Map<String, ?> details) {
		StringBuilder json = new StringBuilder("{");
		new TreeMap<>(details).forEach((name, value) -> {
			json.append(json.length() == 1 ? "" : ", ").append('"').append(name).append("\": ");
			value(json, value);
		});
		return json.append('}').toString();
	}

	private static void value(StringBuilder json, Object value) {
		if (value instanceof Number) {
			json.append(value);
		}
		else if (value instanceof List<?> list) {
			json.append('[');
			for (int i = 0; i < list.size(); i++) {
				json.append(i == 0 ? "" : ", ");
				value(json, list.get(i));
			}
			json.append(']');
		}
		else {
			json.append('"').append(value).append('"');
		}
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static Instant max(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return b == null || a.isBefore(b) ? a : b;
	}

	/** The risk's row as the story goes. */
	private static final class RiskRow {

		Instant detectedAt;

		Severity severity;

		RiskStatus status;

		Cadence cadence;

		Long ownerId;

		Instant triagedAt;

		Instant firstResponseAt;

		Instant notifiedAt;

		Instant activatedAt;

		Instant resolvedAt;

		Instant closedAt;

		Instant triageCompletedAt;

		String rootCause;

		Outcome outcome;

		String closingSummary;

	}

}
