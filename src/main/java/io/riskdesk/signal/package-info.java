/**
 * Signals: the telemetry intake ({@code POST /api/telemetry/{kind}} and the page
 * {@code /telemetry}) stores usage, feature usage, tickets, invoices, surveys and events per
 * account, all or nothing per request; the playbook's detection rules run as set-based SQL over
 * that telemetry as of a day ({@link io.riskdesk.signal.DetectionRules}, a pure read); the log of
 * the findings they produce ({@link io.riskdesk.signal.FindingLog}: new, escalated and cleared
 * per pass); and detection passes ({@link io.riskdesk.signal.DetectionRuns}) that put findings
 * into the register through the risk module's public API.
 * <p>
 * Reads the account module's published view {@code account_facts} (accounts by external id or
 * name, renewal, first-value due date) and the risk module's published view {@code risk_facts}
 * (open S0/S1 risks for the renewal modifier; closed risks suppress event-driven findings of
 * their category).
 */
@ApplicationModule(displayName = "Signals", allowedDependencies = { "account", "core", "playbook", "risk", "timeline" })
package io.riskdesk.signal;

import org.springframework.modulith.ApplicationModule;
