package io.riskdesk.notification;

/** Whose side a recipient is on: ours (the account team) or the customer's (the account's contacts). */
public enum Side {
	INTERNAL, CUSTOMER
}
