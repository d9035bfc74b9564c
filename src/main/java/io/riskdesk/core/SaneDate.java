package io.riskdesk.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A date or instant within {@link #years()} years of today (the validator's clock, which is the
 * application's {@code Clock}), either way: a due date in the year 100000 is a typo, and would
 * schedule jobs and count business days for ever. Null is valid. Works on {@code LocalDate},
 * {@code LocalDateTime} and {@code Instant}.
 */
@Documented
@Constraint(validatedBy = SaneDateValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface SaneDate {

	/** Dates of plans and accounts: due dates, renewals, meetings, detections. */
	int YEARS = 10;

	/** Dates a search may ask for: the register's and reports' date filters. */
	int SEARCH_YEARS = 100;

	int years() default YEARS;

	String message() default "is not a sensible date";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
