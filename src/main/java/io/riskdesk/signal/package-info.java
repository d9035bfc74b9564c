/**
 * Signals: the playbook's detection rules run as set-based SQL over the account telemetry as of
 * a day ({@link io.riskdesk.signal.DetectionRules}, a pure read), and the log of the findings they
 * produce ({@link io.riskdesk.signal.FindingLog}: new, escalated and cleared per pass).
 * <p>
 * Reads the account module's published view {@code account_facts} and the risk module's
 * published view {@code risk_facts} (open S0/S1 risks for the renewal modifier; closed risks
 * suppress event-driven findings of their category).
 */
@ApplicationModule(displayName = "Signals", allowedDependencies = { "account", "playbook", "risk", "timeline" })
package io.riskdesk.signal;

import org.springframework.modulith.ApplicationModule;
