package io.riskdesk.core;

import java.util.Map;

/** The request is well-formed but conflicts with the resource's current state: 409. */
public class ConflictException extends RuntimeException {

	private final Map<String, Object> properties;

	public ConflictException(String message) {
		this(message, Map.of());
	}

	/** @param properties extra problem-detail members, e.g. the transitions that are allowed */
	public ConflictException(String message, Map<String, Object> properties) {
		super(message);
		this.properties = Map.copyOf(properties);
	}

	public Map<String, Object> properties() {
		return properties;
	}

}
