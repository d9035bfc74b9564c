package io.riskdesk.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** The rule of {@link SaneDate}, in UTC: a few hours of zone offset do not matter at this scale. */
public class SaneDateValidator implements ConstraintValidator<SaneDate, Temporal> {

	private int years;

	@Override
	public void initialize(SaneDate sane) {
		years = sane.years();
	}

	@Override
	public boolean isValid(Temporal value, ConstraintValidatorContext context) {
		if (value == null) {
			return true;
		}
		LocalDate today = LocalDate.ofInstant(context.getClockProvider().getClock().instant(), ZoneOffset.UTC);
		LocalDate earliest = today.minusYears(years);
		LocalDate latest = today.plusYears(years);
		if (within(value, earliest, latest)) {
			return true;
		}
		context.disableDefaultConstraintViolation();
		context.buildConstraintViolationWithTemplate(
				"must be within " + years + " years of today (" + earliest + " to " + latest + ")")
			.addConstraintViolation();
		return false;
	}

	private static boolean within(Temporal value, LocalDate earliest, LocalDate latest) {
		if (value instanceof Instant instant) {
			// Compared as instants: Instant reaches years LocalDate cannot hold.
			return !instant.isBefore(earliest.atStartOfDay(ZoneOffset.UTC).toInstant())
					&& instant.isBefore(latest.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
		}
		LocalDate date;
		if (value instanceof LocalDate day) {
			date = day;
		}
		else if (value instanceof LocalDateTime time) {
			date = time.toLocalDate();
		}
		else {
			throw new IllegalArgumentException("@SaneDate does not apply to " + value.getClass().getName());
		}
		return !date.isBefore(earliest) && !date.isAfter(latest);
	}

}
