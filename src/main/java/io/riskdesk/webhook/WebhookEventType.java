package io.riskdesk.webhook;

/** What a subscription can ask for; the names are the {@code type} of the payload and the Riskdesk-Event header. */
public enum WebhookEventType {

	RISK_OPENED, RISK_TRIAGED, SEVERITY_CHANGED, SLA_BREACHED, RISK_RESOLVED, RISK_CLOSED, CONCESSION_APPROVED

}
