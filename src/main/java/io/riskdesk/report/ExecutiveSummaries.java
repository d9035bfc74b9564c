package io.riskdesk.report;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.account.Accounts;
import io.riskdesk.concession.Concession;
import io.riskdesk.concession.ConcessionTotals;
import io.riskdesk.concession.Concessions;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.plan.MilestoneKind;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.timeline.Timeline;
import io.riskdesk.timeline.TimelineEntry;
import io.riskdesk.timeline.TimelineKind;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The executive summary of one risk, as a PDF: the account and what is at stake, how its severity
 * moved, the timeline's highlights, where the corrective action plan stands, what was conceded,
 * and once known the root cause and prevention. Times are in the account's zone.
 */
@Service
public class ExecutiveSummaries {

	static final String TEMPLATE = "executive-summary";

	/** The timeline lines an executive reads; SLA, progress and notification chatter is left out. */
	private static final Set<TimelineKind> HIGHLIGHTS = EnumSet.of(TimelineKind.LOGGED, TimelineKind.TRANSITIONED,
			TimelineKind.SEVERITY_CHANGED, TimelineKind.DECISION, TimelineKind.BLOCKER_RAISED,
			TimelineKind.BLOCKER_CLEARED, TimelineKind.FIRST_RESPONSE, TimelineKind.CONCESSION,
			TimelineKind.DUPLICATE_LINKED, TimelineKind.REPORT_ATTACHED);

	private static final int HIGHLIGHT_LIMIT = 15;

	private final RiskRegister risks;

	private final Accounts accounts;

	private final CorrectiveActionPlans plans;

	private final Concessions concessions;

	private final Timeline timeline;

	private final PdfDocuments pdf;

	private final Clock clock;

	ExecutiveSummaries(RiskRegister risks, Accounts accounts, CorrectiveActionPlans plans, Concessions concessions,
			Timeline timeline, PdfDocuments pdf, Clock clock) {
		this.risks = risks;
		this.accounts = accounts;
		this.plans = plans;
		this.concessions = concessions;
		this.timeline = timeline;
		this.pdf = pdf;
		this.clock = clock;
	}

	/** A change of severity: from null at the first triage. */
	public record SeverityStep(Instant at, String from, String to, String reason, String actor) {
	}

	/** The plan's milestones (not the prevention items) by where they stand; overdue ones are open too. */
	public record CapStatus(long done, long overdue, long open, long dropped) {

		static CapStatus of(List<Milestone> milestones) {
			List<Milestone> plan = milestones.stream().filter(m -> m.kind() == MilestoneKind.PLAN).toList();
			return new CapStatus(count(plan, MilestoneStatus.DONE), plan.stream().filter(Milestone::isOverdue).count(),
					plan.stream().filter(m -> m.status().open()).count(), count(plan, MilestoneStatus.DROPPED));
		}

		private static long count(List<Milestone> milestones, MilestoneStatus status) {
			return milestones.stream().filter(m -> m.status() == status).count();
		}

	}

	/** Everything the PDF shows. */
	public record ExecutiveSummary(RiskDetails risk, AccountDetails account, Instant generatedAt,
			List<SeverityStep> severityHistory, List<TimelineEntry> highlights, CapStatus cap, List<Milestone> milestones,
			List<Concession> concessions, List<ConcessionTotals> concessionTotals) {
	}

	/** The summary of the risk with this key; NotFoundException when there is none. */
	@Transactional(readOnly = true)
	public ExecutiveSummary of(String key) {
		RiskDetails risk = risks.get(key);
		AccountDetails account = accounts.get(risk.account().id());
		List<TimelineEntry> entries = timeline.of(key);
		List<SeverityStep> changes = entries.stream()
			.filter(entry -> entry.kind() == TimelineKind.SEVERITY_CHANGED)
			.sorted(Comparator.comparing(TimelineEntry::at))
			.map(entry -> new SeverityStep(entry.at(), "none".equals(entry.before()) ? null : entry.before(), entry.after(),
					entry.details() == null ? "" : String.valueOf(entry.details().getOrDefault("reason", "")), entry.actor()))
			.toList();
		List<SeverityStep> severity = new ArrayList<>(changes);
		if (risk.triagedAt() != null && risk.severity() != null) {
			// Triage records no change when it sets a risk's first severity: the row says what was in force then.
			severity.add(new SeverityStep(risk.triagedAt(), null, severityAt(risk.triagedAt(), changes, risk), "set at triage",
					null));
		}
		severity.sort(Comparator.comparing(SeverityStep::at));
		List<TimelineEntry> highlights = entries.stream()
			.filter(entry -> HIGHLIGHTS.contains(entry.kind()))
			.sorted(Comparator.comparing(TimelineEntry::at).reversed())
			.limit(HIGHLIGHT_LIMIT)
			.toList();
		List<Milestone> milestones = plans.of(key);
		List<Concession> conceded = concessions.of(key);
		return new ExecutiveSummary(risk, account, clock.instant(), severity, highlights, CapStatus.of(milestones),
				milestones, conceded, ConcessionTotals.of(conceded));
	}

	/**
	 * The severity in force at {@code at}: where the last change before it went, or else where the
	 * first change after it came from, or else the risk's severity now.
	 */
	private static String severityAt(Instant at, List<SeverityStep> changes, RiskDetails risk) {
		return changes.stream()
			.filter(change -> !change.at().isAfter(at))
			.reduce((first, second) -> second)
			.map(SeverityStep::to)
			.or(() -> changes.stream().filter(change -> change.from() != null).findFirst().map(SeverityStep::from))
			.orElse(risk.severity().name());
	}

	/** The summary as a PDF, read in one transaction like {@link #of}. */
	@Transactional(readOnly = true)
	public byte[] pdf(String key) {
		ExecutiveSummary summary = of(key);
		return pdf.render(TEMPLATE, Map.of("summary", summary, "fmt", new ReportFormat(summary.account().timeZone() == null ? ZoneId.of("UTC") : ZoneId.of(summary.account().timeZone()))));
	}

}
