package io.riskdesk.notification;

/** Where a message is in its delivery. */
public enum NotificationStatus {
	/** Waiting for its first or next attempt. */
	PENDING,
	/** Being sent by a node now (leased to it). */
	SENDING,
	/** Delivered: accepted by the SMTP server or Slack, or written to the timeline or the outbox folder. */
	SENT,
	/** Every attempt failed; the last error is kept. A manager can send it again. */
	FAILED
}
