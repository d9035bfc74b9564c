/**
 * The Risk Register: logging, the triage workflow, severity changes, decisions, blockers, the
 * register's queries and pages. Publishes one event per fact ({@link io.riskdesk.risk.RiskEvents});
 * reads the account module's published views, the sla module's published view
 * {@code sla_risk_status}, the plan module's {@code plan_risk_milestones} and the progress
 * module's {@code progress_risk_status} (stale: its {@code due_at} is at or before the application clock's now).
 * <p>
 * Published SQL view, read by the signal module: {@code risk_facts} (per risk, its key, account,
 * category, severity, status, and when it was detected, resolved and closed; a duplicate names
 * its original). Columns of {@code risk} for the reports: {@code seconds_to_triage},
 * {@code seconds_to_first_response}, {@code seconds_to_resolve}, {@code seconds_to_close}
 * (generated, clock time from detection, null until reached).
 * <p>
 * Published SQL view, read by the similar module: {@code risk_search_facts} (per risk, its key,
 * account, title, category, severity, status, root cause, outcome, duplicate, seconds to resolve and
 * {@code search_document}, a weighted full-text document of title, description, evidence and root
 * cause kept by PostgreSQL: generated, with the evidence lines copied into {@code risk.evidence_text}
 * by triggers on {@code risk_evidence}).
 */
@ApplicationModule(displayName = "Risk Register", allowedDependencies = { "account", "core", "playbook", "security", "timeline" })
package io.riskdesk.risk;

import org.springframework.modulith.ApplicationModule;
