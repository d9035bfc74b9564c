package io.riskdesk.security;

/**
 * The signed-in person as pages show them; templates find it as {@code currentUser}.
 *
 * @param personEmail links the user to the people directory, null for users who are not a person there
 */
public record CurrentUser(String username, String displayName, Role role, String personEmail) {

	public boolean canWriteRisks() {
		return Role.RISK_WRITERS.contains(role);
	}

	public boolean canManageNotifications() {
		return Role.NOTIFICATION_MANAGERS.contains(role);
	}

	public boolean canWriteAccounts() {
		return Role.ACCOUNT_WRITERS.contains(role);
	}

}
