package io.riskdesk.web;

import io.riskdesk.core.InvalidFieldException;
import java.util.Comparator;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;

/**
 * Validates a record a page built from its form parameters, so a page accepts what the API
 * accepts for the same record and nothing else.
 */
public final class Inputs {

	private Inputs() {
	}

	/** @throws InvalidFieldException naming the first field (by name) that breaks a rule of the record */
	public static <T> T requireValid(Validator validator, T input) {
		validator.validate(input)
			.stream()
			.min(Comparator.comparing((ConstraintViolation<T> v) -> field(v.getPropertyPath())))
			.ifPresent(v -> {
				throw new InvalidFieldException(field(v.getPropertyPath()), v.getMessage());
			});
		return input;
	}

	/**
	 * A violation's field as the API names it, {@code evidence[2]} or {@code actionItems[1].due},
	 * not as Bean Validation prints it ({@code evidence[2].<list element>}).
	 */
	static String field(Path path) {
		StringBuilder field = new StringBuilder();
		for (Path.Node node : path) {
			if (node.isInIterable()) {
				field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
			}
			if (node.getKind() != ElementKind.CONTAINER_ELEMENT && node.getName() != null) {
				field.append(field.isEmpty() ? "" : ".").append(node.getName());
			}
		}
		return field.toString();
	}

}
