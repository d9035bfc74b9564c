/**
 * Similar past risks: for any risk, the five resolved or closed risks most like it, ranked in one SQL
 * statement (full-text rank over title, description, evidence and root cause, trigram similarity of
 * the titles, the same category weighted up), each with how it was resolved: root cause, the
 * corrective action plan from the plan module, time to resolve and outcome.
 * <p>
 * Reads the risk module's published view {@code risk_search_facts} and the account module's
 * {@code account_facts}.
 */
@ApplicationModule(displayName = "Similar past risks", allowedDependencies = { "plan", "playbook", "risk", "web" })
package io.riskdesk.similar;

import org.springframework.modulith.ApplicationModule;
