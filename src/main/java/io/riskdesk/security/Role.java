package io.riskdesk.security;

import java.util.Set;

/** What a signed-in user may do. */
public enum Role {
	CSM, CS_MANAGER, CS_LEADER, AE, SUPPORT, EXEC, LEGAL, ADMIN;

	/** Roles that may write to the Risk Register. */
	public static final Set<Role> RISK_WRITERS = Set.of(CSM, CS_MANAGER, CS_LEADER, ADMIN);

	/**
	 * Roles that may approve or reject a concession (within their approval limit): the risk writers,
	 * and executives, who otherwise only read risks.
	 */
	public static final Set<Role> CONCESSION_DECIDERS = Set.of(CSM, CS_MANAGER, CS_LEADER, EXEC, ADMIN);

	/** Roles that may send a failed notification again and see the failed deliveries of every risk. */
	public static final Set<Role> NOTIFICATION_MANAGERS = Set.of(CS_MANAGER, CS_LEADER, ADMIN);

	/** Roles that may maintain accounts and the people directory. */
	public static final Set<Role> ACCOUNT_WRITERS = Set.of(CSM, CS_MANAGER, CS_LEADER, AE, ADMIN);

	static String[] names(Set<Role> roles) {
		return roles.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

}
