package io.riskdesk.core;

import java.util.Map;

/**
 * The user may use the endpoint but not for this record: their role's authority does not reach
 * it (a concession above their approval limit). 403, with what would be allowed.
 */
public class ForbiddenException extends RuntimeException {

	private final Map<String, Object> properties;

	/** @param properties extra problem-detail members, e.g. the roles that may do it */
	public ForbiddenException(String message, Map<String, Object> properties) {
		super(message);
		this.properties = Map.copyOf(properties);
	}

	public Map<String, Object> properties() {
		return properties;
	}

}
