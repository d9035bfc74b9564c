/**
 * Corrective action plans: a risk's milestones (owner from the directory or free text, due date or
 * none yet, success criterion, status, order), the playbook's CAP templates applied to risks, and
 * the prevention items tracked after a risk is resolved; "my actions". Publishes
 * {@link io.riskdesk.plan.MilestoneAdded}, {@link io.riskdesk.plan.MilestoneChanged},
 * {@link io.riskdesk.plan.MilestoneStarted}, {@link io.riskdesk.plan.MilestoneDone},
 * {@link io.riskdesk.plan.MilestoneDropped}, {@link io.riskdesk.plan.MilestonesReordered},
 * {@link io.riskdesk.plan.CapTemplateApplied} and {@link io.riskdesk.plan.MilestoneOverdue} (when
 * the sla module finds a milestone's clock breached at its due instant, once per due date).
 * <p>
 * Needs a {@link io.riskdesk.plan.StepDueDates} for template due dates: the sla module provides it.
 * <p>
 * Published SQL view, read by the risk module: {@code plan_risk_milestones} (per risk, its
 * milestones still to do and how many of them are overdue).
 */
@ApplicationModule(displayName = "Corrective action plans",
		allowedDependencies = { "account", "playbook", "risk", "security", "timeline" })
package io.riskdesk.plan;

import org.springframework.modulith.ApplicationModule;
