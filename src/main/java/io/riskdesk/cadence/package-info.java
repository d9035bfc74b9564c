/**
 * Cadence meetings: the escalation matrix's meeting cadence of a risk as a schedule on the
 * account's business days (a time of day and a length chosen at set-up), re-planned when the
 * risk's cadence follows a new severity and ended when the risk resolves or closes; its .ics
 * invite; and the meetings held, whose decisions go to the risk and whose action items become
 * milestones of its plan. Publishes {@link io.riskdesk.cadence.CadenceEvents}.
 */
@ApplicationModule(displayName = "Cadence meetings",
		allowedDependencies = { "account", "plan", "playbook", "risk", "sla", "timeline" })
package io.riskdesk.cadence;

import org.springframework.modulith.ApplicationModule;
