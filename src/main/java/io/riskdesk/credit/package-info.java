/**
 * The service-credit calculator: from an SLA's terms (uptime target, measurement period, credit
 * tiers, cap) and the outages of a period, the uptime achieved, whether the SLA was met and the
 * credit due, with its arithmetic step by step. Stateless: {@code POST /api/sla-credits/calculate}
 * and {@link io.riskdesk.credit.SlaCredits#calculate}.
 */
@ApplicationModule(displayName = "Service credits", allowedDependencies = { "account" })
package io.riskdesk.credit;

import org.springframework.modulith.ApplicationModule;
