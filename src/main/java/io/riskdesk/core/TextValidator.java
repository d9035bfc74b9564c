package io.riskdesk.core;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** The rule of {@link Text}, for annotated fields and for texts a page posts as plain parameters. */
public class TextValidator implements ConstraintValidator<Text, CharSequence> {

	private int max;

	@Override
	public void initialize(Text text) {
		max = text.max();
	}

	@Override
	public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
		String problem = problem(value, max);
		if (problem == null) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
		return false;
	}

	/** @throws InvalidFieldException naming {@code field} when {@code value} (null passes) breaks the rule */
	public static void check(String field, CharSequence value, int max) {
		String problem = problem(value, max);
		if (problem != null) {
			throw new InvalidFieldException(field, problem);
		}
	}

	private static String problem(CharSequence value, int max) {
		if (value == null) {
			return null;
		}
		if (value.length() > max) {
			return "must be at most " + max + " characters";
		}
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
				return "must not contain control characters (U+%04X at position %d)".formatted((int) c, i + 1);
			}
		}
		return null;
	}

}
