/**
 * Reports: the KPI report (times to triage, first response, resolve and close; SLA compliance;
 * risks by source; retention outcomes with ARR) as JSON, CSV and a page. Read-only: computed in
 * SQL over the register's report columns of {@code risk}, the account module's
 * {@code account_facts} and {@code person_facts} and the sla module's {@code sla_clock_facts}.
 */
@ApplicationModule(displayName = "Reports", allowedDependencies = { "account", "core", "playbook", "risk", "sla" })
package io.riskdesk.report;

import org.springframework.modulith.ApplicationModule;
