package io.riskdesk.notification;

/** A channel could not deliver a message; the worker retries it or, after the last attempt, fails it. */
class NotificationDeliveryException extends RuntimeException {

	NotificationDeliveryException(String message) {
		super(message);
	}

	NotificationDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

}
