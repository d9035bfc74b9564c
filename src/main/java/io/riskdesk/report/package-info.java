/**
 * Reports that leave the app: the executive summary PDF of a risk, the portfolio PDF and the weekly
 * executive digest that e-mails it (queued through the notification module's
 * {@link io.riskdesk.notification.Mailings}). Reads the other modules through their public services only.
 */
@ApplicationModule(displayName = "Reports",
		allowedDependencies = { "account", "concession", "core", "notification", "plan", "playbook", "risk", "sla",
				"timeline", "web" })
package io.riskdesk.report;

import org.springframework.modulith.ApplicationModule;
