/**
 * Corrective action plans: a risk's milestones with owner and due date, and the playbook's CAP
 * templates applied to risks; publishes {@link io.riskdesk.plan.MilestoneAdded},
 * {@link io.riskdesk.plan.MilestoneChanged}, {@link io.riskdesk.plan.MilestoneDone} and
 * {@link io.riskdesk.plan.CapTemplateApplied}.
 * <p>
 * Needs a {@link io.riskdesk.plan.StepDueDates} for template due dates: the sla module provides it.
 */
@ApplicationModule(displayName = "Corrective action plans", allowedDependencies = { "account", "playbook", "risk", "timeline" })
package io.riskdesk.plan;

import org.springframework.modulith.ApplicationModule;
