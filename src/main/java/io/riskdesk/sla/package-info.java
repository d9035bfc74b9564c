/**
 * SLA clocks of risks and milestones in business or clock time, their warnings and breaches
 * from db-scheduler, listening to the register's and plans' events. A milestone clock's breach
 * tells the plan (CorrectiveActionPlans.overdue), which publishes MilestoneOverdue.
 * <p>
 * Published SQL view, read by the risk module: {@code sla_risk_status} (per risk, the next due
 * instant of its running clocks and its SLA status); {@code sla_clock_facts} (per clock, its
 * risk, kind, state and its started, due, breached and met instants), read by the report module.
 */
@ApplicationModule(displayName = "SLA clocks", allowedDependencies = { "account", "core", "plan", "playbook", "risk", "timeline" })
package io.riskdesk.sla;

import org.springframework.modulith.ApplicationModule;
