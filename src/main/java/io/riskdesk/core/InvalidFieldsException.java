package io.riskdesk.core;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Several input fields are wrong, all said at once: 400 naming each field and its reason. */
public class InvalidFieldsException extends RuntimeException {

	private final Map<String, String> reasons;

	/** @param reasons by field, in the order to show them */
	public InvalidFieldsException(Map<String, String> reasons) {
		super(reasons.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
		this.reasons = Collections.unmodifiableMap(new LinkedHashMap<>(reasons));
	}

	public Map<String, String> reasons() {
		return reasons;
	}

}
