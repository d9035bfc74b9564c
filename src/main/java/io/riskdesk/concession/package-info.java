/**
 * Concessions offered to resolve a risk (service credits, waivers, a dedicated TAM, ...): proposed,
 * approved or rejected within the playbook's approval limits per role, offered, and accepted or
 * declined by the customer. Publishes one {@link io.riskdesk.timeline.TimelineFact} per move, among
 * them {@link io.riskdesk.concession.ConcessionApproved} for other modules (webhooks).
 * <p>
 * Published SQL views, read by the risk module's register: {@code concession_risk_status} (per
 * risk, the concessions awaiting approval) and {@code concession_account_totals} (per account and
 * currency, the values approved, offered and accepted, and the count awaiting approval).
 */
@ApplicationModule(displayName = "Concessions",
		allowedDependencies = { "account", "credit", "playbook", "risk", "security", "timeline" })
package io.riskdesk.concession;

import org.springframework.modulith.ApplicationModule;
