/**
 * Corrective action plans: a risk's milestones with owner and due date; publishes
 * {@link io.riskdesk.plan.MilestoneAdded}, {@link io.riskdesk.plan.MilestoneChanged} and
 * {@link io.riskdesk.plan.MilestoneDone}.
 */
@ApplicationModule(displayName = "Corrective action plans", allowedDependencies = { "risk", "timeline" })
package io.riskdesk.plan;

import org.springframework.modulith.ApplicationModule;
