package io.riskdesk.web;

import io.riskdesk.core.InvalidFieldException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.validation.ConstraintViolation;

import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

/**
 * Validation messages by field for a form to show next to its inputs: the first message of
 * each field; a list element's error ({@code evidence[2]}) belongs to its list's input, a field of
 * a list's row ({@code actionItems[1].due}) to that row's input.
 */
public final class FormErrors {

	private FormErrors() {
	}

	public static Map<String, String> of(Errors errors) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (FieldError error : errors.getFieldErrors()) {
			String field = field(error.getField());
			byField.putIfAbsent(field, error.isBindingFailure() ? "has an invalid value" : error.getDefaultMessage());
		}
		return byField;
	}

	public static Map<String, String> of(Set<? extends ConstraintViolation<?>> violations) {
		Map<String, String> byField = new TreeMap<>();
		violations.forEach(v -> byField.putIfAbsent(field(Inputs.field(v.getPropertyPath())), v.getMessage()));
		return byField;
	}

	/**
	 * The messages of several checks of one form, so that a page shows them all at once rather
	 * than in rounds; a field keeps the message of the first check that named it.
	 */
	@SafeVarargs
	public static Map<String, String> first(Map<String, String>... checks) {
		Map<String, String> byField = new LinkedHashMap<>();
		for (Map<String, String> check : checks) {
			check.forEach(byField::putIfAbsent);
		}
		return byField;
	}

	public static Map<String, String> of(InvalidFieldException ex) {
		return Map.of(field(ex.field()), ex.reason());
	}

	/** {@code evidence[2]} is the list's input; {@code actionItems[1].due} is an input of its own. */
	private static String field(String path) {
		return path.endsWith("]") ? path.substring(0, path.lastIndexOf('[')) : path;
	}

}
