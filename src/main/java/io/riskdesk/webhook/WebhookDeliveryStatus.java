package io.riskdesk.webhook;

/** PENDING (due now or at its next attempt), SENDING (leased by a node), DELIVERED (2xx), FAILED (every attempt failed). */
public enum WebhookDeliveryStatus {

	PENDING, SENDING, DELIVERED, FAILED

}
