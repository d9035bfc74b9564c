package io.riskdesk.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

/**
 * A text a person typed: at most {@link #max()} characters and no control character other than
 * tab, CR and LF (PostgreSQL cannot store NUL; the others are never typed, only smuggled). Null
 * is valid: add {@code @NotBlank} where the text is required.
 *
 * <p>The limits below are the only ones: every API record and page form names one of them, so
 * the API and the pages accept the same texts. Texts a page posts as plain parameters are
 * checked against the same limits by {@link TextValidator#check}.
 */
@Documented
@Constraint(validatedBy = TextValidator.class)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
public @interface Text {

	/** A code or short label: a calendar name, a country. */
	int CODE = 100;

	/** A person's or an account's name, an owner, an email address. */
	int NAME = 200;

	/** An email address (RFC 5321's longest). */
	int EMAIL = 320;

	/** A file name. */
	int FILE_NAME = 255;

	/** The title of a risk or a milestone, a search text. */
	int TITLE = 300;

	/** One line: an evidence or prevention item, a reason, a task, a meeting's purpose. */
	int LINE = 2000;

	/** A decision, a blocker, a note, a resolution. */
	int NOTE = 5000;

	/** A description or a root cause. */
	int LONG = 20_000;

	/** The most items of one list of texts: evidence, prevention items, decisions. */
	int ITEMS = 50;

	int max();

	String message() default "must be a plain text";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

}
