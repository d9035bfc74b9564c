/**
 * Escalation emails and meeting notes read into a draft, reviewed, and confirmed into an
 * account, a risk, its plan and timeline. Before confirming, the sla module's preview shows
 * which clocks and milestones an old document would start already breached.
 */
@ApplicationModule(displayName = "Notes intake",
		allowedDependencies = { "account", "plan", "playbook", "risk", "signal", "sla", "timeline" })
package io.riskdesk.intake;

import org.springframework.modulith.ApplicationModule;
