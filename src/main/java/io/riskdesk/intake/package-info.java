/**
 * Escalation emails and meeting notes read into a draft, reviewed, and confirmed into an
 * account, a risk, its plan and timeline.
 */
@ApplicationModule(displayName = "Notes intake", allowedDependencies = { "account", "plan", "playbook", "risk", "timeline" })
package io.riskdesk.intake;

import org.springframework.modulith.ApplicationModule;
