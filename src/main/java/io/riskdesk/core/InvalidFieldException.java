package io.riskdesk.core;

/** One input field is missing or wrong: 400 naming the field and the reason. */
public class InvalidFieldException extends RuntimeException {

	private final String field;

	private final String reason;

	public InvalidFieldException(String field, String reason) {
		super(field + ": " + reason);
		this.field = field;
		this.reason = reason;
	}

	public String field() {
		return field;
	}

	public String reason() {
		return reason;
	}

}
