/**
 * Notifying stakeholders per the playbook's escalation matrix. For now: who is notified of a risk
 * ({@link io.riskdesk.notification.EscalationRecipients}), the matrix row of its severity resolved
 * into people and addresses on every read (internal roles from the account team, customer roles
 * from the account's contacts, Security/Legal when the risk is an INCIDENT or flagged), with a gap
 * reported for every role nobody fills or a person who lacks the address a channel needs.
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = { "account", "playbook", "risk", "sla" })
package io.riskdesk.notification;

import org.springframework.modulith.ApplicationModule;
