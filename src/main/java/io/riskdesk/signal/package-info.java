/**
 * Account signals: the telemetry intake ({@code POST /api/telemetry/{kind}} and the page
 * {@code /telemetry}) stores usage, feature usage, tickets, invoices, surveys and events per
 * account, all or nothing per request, and publishes {@link io.riskdesk.signal.TelemetryReceived}
 * after commit.
 * <p>
 * Reads the account module's published view {@code account_facts} to resolve the accounts a
 * file names (by external id or name).
 */
@ApplicationModule(displayName = "Signals", allowedDependencies = { "account" })
package io.riskdesk.signal;

import org.springframework.modulith.ApplicationModule;
