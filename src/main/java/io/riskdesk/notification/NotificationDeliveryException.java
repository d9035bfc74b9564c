package io.riskdesk.notification;

/**
 * A channel could not deliver a notification: the receiving side refused it, did not answer in
 * time, or could not be reached. The message is safe to store and show: it never holds a secret
 * such as a webhook URL.
 */
class NotificationDeliveryException extends RuntimeException {

	NotificationDeliveryException(String message, Throwable cause) {
		super(message, cause);
	}

	NotificationDeliveryException(String message) {
		super(message);
	}

}
