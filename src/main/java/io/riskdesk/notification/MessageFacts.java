package io.riskdesk.notification;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.riskdesk.account.AccountDetails;
import io.riskdesk.concession.Concession;
import io.riskdesk.concession.ConcessionKind;
import io.riskdesk.concession.ConcessionTotals;
import io.riskdesk.concession.Concessions;
import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.playbook.Playbook;
import io.riskdesk.risk.RiskDetails;
import io.riskdesk.sla.ClockKind;
import io.riskdesk.sla.ClockView;
import io.riskdesk.sla.SlaClocks;
import io.riskdesk.web.Labels;

import org.springframework.stereotype.Component;

/**
 * What a message about a risk can say, gathered once per trigger firing: the risk, its account,
 * plan, concessions and clocks, the headline and the ask of the trigger, and a formatter in the
 * account's time zone. Templates read these names; docs/notifications.md lists them.
 */
@Component
class MessageFacts {

	private final Playbook playbook;

	private final CorrectiveActionPlans plans;

	private final Concessions concessions;

	private final SlaClocks clocks;

	private final URI baseUrl;

	MessageFacts(Playbook playbook, CorrectiveActionPlans plans, Concessions concessions, SlaClocks clocks,
			NotificationProperties properties) {
		this.playbook = playbook;
		this.plans = plans;
		this.concessions = concessions;
		this.clocks = clocks;
		this.baseUrl = properties.baseUrl();
	}

	Map<String, Object> of(RiskDetails risk, AccountDetails account, TriggerEvent event) {
		MessageFormat fmt = new MessageFormat(ZoneId.of(account.timeZone()));
		List<Milestone> milestones = plans.of(risk.key());
		List<Concession> granted = concessions.of(risk.key());
		List<ClockView> riskClocks = clocks.clocksOf(risk.key());
		Map<String, Object> model = new HashMap<>();
		model.put("risk", risk);
		model.put("account", account);
		model.put("severityName", risk.severity() == null ? "no severity" : playbook.severity(risk.severity()).name());
		model.put("ownerName", risk.owner() == null ? "nobody yet" : risk.owner().name());
		model.put("link", link(risk.key()));
		model.put("fmt", fmt);
		model.put("trigger", event.trigger());
		model.put("event", event.details());
		model.put("openMilestones", milestones.stream().filter(m -> m.status().open()).toList());
		model.put("doneMilestones", milestones.stream().filter(m -> !m.status().open()).toList());
		model.put("concessions", granted);
		model.put("concessionTotals", ConcessionTotals.of(granted));
		model.put("credits", granted.stream().filter(c -> c.kind() == ConcessionKind.SERVICE_CREDIT).toList());
		model.put("firstResponseDue", due(riskClocks, ClockKind.FIRST_RESPONSE));
		model.put("notificationDue", due(riskClocks, ClockKind.NOTIFICATION));
		model.put("headline", headline(risk, event));
		model.put("ask", ask(risk, event, fmt));
		return model;
	}

	String link(String riskKey) {
		return baseUrl.resolve("/risks/" + riskKey).toString();
	}

	/** The due instant of a risk clock still to be met; null when it is met, stopped or absent. */
	private static Instant due(List<ClockView> clocks, ClockKind kind) {
		return clocks.stream()
			.filter(clock -> clock.kind() == kind && clock.metAt() == null && clock.milestoneId() == null
					&& clock.dueAt() != null)
			.map(ClockView::dueAt)
			.findFirst()
			.orElse(null);
	}

	private static String headline(RiskDetails risk, TriggerEvent event) {
		String severity = risk.severity() == null ? "" : "[" + risk.severity() + "] ";
		String what = switch (event.trigger()) {
			case TRIAGED -> "Escalation";
			case SEVERITY_CHANGED -> "Severity " + event.details().get("from") + " -> " + event.details().get("to");
			case SLA_WARNING -> Labels.of((ClockKind) event.details().get("clock")) + " SLA due soon";
			case SLA_BREACH -> Labels.of((ClockKind) event.details().get("clock")) + " SLA breached";
			case MILESTONE_OVERDUE -> "Milestone overdue";
			case PROGRESS_STALE -> "Progress update overdue";
			case RESOLVED -> "Resolved";
			case CLOSED -> "Closed";
			case CUSTOMER_UPDATE_DUE -> "Customer update due";
			case CUSTOMER_UPDATE -> "Update to the customer";
			case WEEKLY_DIGEST, EXECUTIVE_DIGEST -> throw new IllegalArgumentException("A digest is about no single risk");
		};
		return severity + risk.account().name() + ": " + what + " - " + risk.title() + " (" + risk.key() + ")";
	}

	/** What the message asks of its reader, in one sentence; Slack shows it as the ask. */
	private static String ask(RiskDetails risk, TriggerEvent event, MessageFormat fmt) {
		Map<String, Object> d = event.details();
		return switch (event.trigger()) {
			// A preview may render it for a risk not triaged yet, which has no owner.
			case TRIAGED -> "Join the response: " + (risk.owner() == null ? "nobody owns it yet" : risk.owner().name()
					+ " owns it") + "; the corrective action plan and the first response to the customer come next.";
			case SEVERITY_CHANGED -> "Severity is now " + d.get("to") + " (" + d.get("reason")
					+ "): its escalation matrix, SLAs and cadence apply from now.";
			case SLA_WARNING -> "Act before " + fmt.instant((Instant) d.get("dueAt")) + ": the "
					+ Labels.of((ClockKind) d.get("clock")).toLowerCase() + " target (" + d.get("target") + ") is close.";
			case SLA_BREACH -> "The " + Labels.of((ClockKind) d.get("clock")).toLowerCase() + " target (" + d.get("target")
					+ ") passed at " + fmt.instant((Instant) d.get("dueAt")) + ": recover it and tell the customer when.";
			case MILESTONE_OVERDUE -> "Finish or re-plan \"" + d.get("title") + "\""
					+ Optional.ofNullable(d.get("owner")).map(owner -> " (" + owner + ")").orElse("") + ", due "
					+ fmt.instant((Instant) d.get("dueAt")) + ".";
			case PROGRESS_STALE -> "Post a progress update: one was due by " + fmt.instant((Instant) d.get("dueAt")) + ".";
			case RESOLVED -> "Resolved" + Optional.ofNullable(risk.rootCause()).map(cause -> " (root cause: " + cause + ")")
				.orElse("") + ": confirm with the customer, then close with the summary and prevention items.";
			case CLOSED -> "Closed" + Optional.ofNullable(risk.outcome()).map(outcome -> " as " + Labels.of(outcome)).orElse("")
					+ ": the prevention items stay tracked until done.";
			case CUSTOMER_UPDATE_DUE -> "The customer is owed an update (" + d.get("reason")
					+ "): preview and send it from the risk page.";
			case CUSTOMER_UPDATE -> "An update of where the work stands, written by the owner.";
			case WEEKLY_DIGEST, EXECUTIVE_DIGEST -> throw new IllegalArgumentException("A digest is about no single risk");
		};
	}

}
