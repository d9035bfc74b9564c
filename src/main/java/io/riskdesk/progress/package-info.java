/**
 * Progress updates of risks (text, health, who, when) and their staleness: how often a risk must
 * be reported on comes from the playbook ({@code severities.<S>.progress-updates}), counted in the
 * account's business calendar; a triaged or active risk whose latest update is older than that is
 * stale. Publishes {@link io.riskdesk.progress.ProgressReported} and, once per stale period, from
 * db-scheduler at the due instant, {@link io.riskdesk.progress.RiskWentStale}.
 * <p>
 * Published SQL view, read by the risk module: {@code progress_risk_status(risk_key, last_update_at,
 * last_health, due_at)}, one row per risk that has an update or is being worked. {@code due_at} is
 * when the next update is due (null when none is owed: not yet triaged, resolved, closed). The
 * view holds no "now": a risk is stale at instant t when {@code due_at <= t}, stale since
 * {@code due_at}; readers compare with their application clock. At start-up it reads the risk
 * module's published view {@code risk_facts} for risks being worked that it does not track yet.
 */
@ApplicationModule(displayName = "Progress updates",
		allowedDependencies = { "account", "playbook", "risk", "sla", "timeline" })
package io.riskdesk.progress;

import org.springframework.modulith.ApplicationModule;
