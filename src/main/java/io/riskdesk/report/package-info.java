/**
 * Reports that leave the app: the executive summary PDF of a risk, the portfolio PDF and the weekly
 * executive digest that e-mails it (queued through the notification module's
 * {@link io.riskdesk.notification.Mailings}), and the KPI report (times to triage, first response,
 * resolve and close; SLA compliance; risks by source; retention outcomes with ARR) as JSON, CSV and
 * a page, computed in SQL over the register's report columns of {@code risk}, the account module's
 * {@code account_facts} and {@code person_facts} and the sla module's {@code sla_clock_facts}.
 */
@ApplicationModule(displayName = "Reports",
		allowedDependencies = { "account", "concession", "core", "notification", "plan", "playbook", "risk", "sla",
				"timeline", "web" })
package io.riskdesk.report;

import org.springframework.modulith.ApplicationModule;
