package io.riskdesk.signal.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.riskdesk.core.Text;

/**
 * The type of a telemetry field: which JSON values it takes, its column in the staging table, and
 * how a value is checked and written in PostgreSQL's COPY text format.
 */
final class ValueType {

	/** The JSON values a field takes; CSV values are all texts and read the same way. */
	enum Shape {
		TEXT("must be a text"), WHOLE("must be a whole number"), NUMBER("must be a number"),
		BOOLEAN("must be true or false");

		final String reason;

		Shape(String reason) {
			this.reason = reason;
		}
	}

	/** Writes a present, stripped, non-empty value; throws {@link Wrong} with the reason when it is not valid. */
	@FunctionalInterface
	interface Writer {
		void write(String value, Dates dates, StringBuilder copy);
	}

	static final ValueType ACCOUNT = text(Text.NAME);

	/** A date within the sane range ({@code SaneDate.YEARS} of today). */
	static final ValueType DATE = new ValueType(Shape.TEXT, "date", 1, (value, dates, copy) -> copy.append(dates.sane(date(value))));

	/** A usage day: sane, and not after tomorrow (a day ahead of UTC in the customer's zone at most). */
	static final ValueType USAGE_DAY = new ValueType(Shape.TEXT, "date", 1, (value, dates, copy) -> {
		LocalDate day = dates.sane(date(value));
		if (day.isAfter(dates.tomorrow())) {
			throw new Wrong("is in the future (after " + dates.tomorrow() + ")");
		}
		copy.append(day);
	});

	/** The Monday a week of feature usage starts on. */
	static final ValueType MONDAY = new ValueType(Shape.TEXT, "date", 1, (value, dates, copy) -> {
		LocalDate week = dates.sane(date(value));
		if (week.getDayOfWeek() != DayOfWeek.MONDAY) {
			throw new Wrong("must be the Monday a week starts on (" + week + " is a " + week.getDayOfWeek()
				.getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH) + ")");
		}
		copy.append(week);
	});

	/** A count of users: a whole number, not negative. */
	static final ValueType COUNT = new ValueType(Shape.WHOLE, "int", 1, (value, dates, copy) -> {
		int count = whole(value);
		if (count < 0) {
			throw new Wrong("must not be negative");
		}
		copy.append(count);
	});

	/** A survey score; its range depends on the survey's kind, which the table checks. */
	static final ValueType SCORE = new ValueType(Shape.WHOLE, "int", 1, (value, dates, copy) -> copy.append(whole(value)));

	static final ValueType BOOLEAN = new ValueType(Shape.BOOLEAN, "boolean", 1, (value, dates, copy) -> {
		if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
			copy.append(value.equalsIgnoreCase("true") ? 't' : 'f');
		}
		else {
			throw new Wrong(Shape.BOOLEAN.reason);
		}
	});

	/** Money: not negative, at most 2 decimals and 13 digits before the point (numeric(15,2)). */
	static final ValueType AMOUNT = new ValueType(Shape.NUMBER, "numeric", 1, (value, dates, copy) -> {
		BigDecimal amount;
		try {
			amount = new BigDecimal(value);
		}
		catch (NumberFormatException ex) {
			throw new Wrong("must be a number such as 1250.00");
		}
		if (amount.signum() < 0) {
			throw new Wrong("must not be negative");
		}
		BigDecimal stripped = amount.stripTrailingZeros();
		if (stripped.scale() > 2) {
			throw new Wrong("must have at most 2 decimals");
		}
		if (stripped.precision() - stripped.scale() > 13) {
			throw new Wrong("must be less than 10000000000000");
		}
		copy.append(amount.toPlainString());
	});

	static final ValueType CURRENCY = new ValueType(Shape.TEXT, "text", 1, (value, dates, copy) -> {
		try {
			if (!value.matches("[A-Z]{3}")) {
				throw new IllegalArgumentException(value);
			}
			Currency.getInstance(value);
		}
		catch (IllegalArgumentException ex) {
			throw new Wrong("must be an ISO 4217 currency code such as USD");
		}
		copy.append(value);
	});

	/**
	 * An instant ({@code 2026-03-02T14:30:00Z}, or with an offset), or a local date-time or date
	 * ({@code 2026-03-02T14:30}, {@code 2026-03-02}: midnight) in the account's time zone, which
	 * the insert applies. Two staging columns: the instant, and the local date-time.
	 */
	static final ValueType MOMENT = new ValueType(Shape.TEXT, null, 2, (value, dates, copy) -> {
		if (value.length() == 10) {
			copy.append("\\N\t").append(dates.sane(date(value)).atStartOfDay());
			return;
		}
		try {
			LocalDateTime local = LocalDateTime.parse(value);
			dates.sane(local.toLocalDate());
			copy.append("\\N\t").append(local);
			return;
		}
		catch (DateTimeException ex) {
			// not a local date-time: an instant then
		}
		Instant instant;
		try {
			instant = OffsetDateTime.parse(value).toInstant();
		}
		catch (DateTimeException ex) {
			throw new Wrong("must be an instant such as 2026-12-31T14:30:00Z, or a date and time in the account's time zone"
					+ " such as 2026-12-31T14:30 or 2026-12-31");
		}
		dates.sane(LocalDate.ofInstant(instant, ZoneOffset.UTC));
		copy.append(instant).append("\t\\N");
	});

	final Shape shape;

	private final String sqlType;

	/** How many COPY fields (staging columns) a value takes. */
	final int fields;

	private final Writer writer;

	private ValueType(Shape shape, String sqlType, int fields, Writer writer) {
		this.shape = shape;
		this.sqlType = sqlType;
		this.fields = fields;
		this.writer = writer;
	}

	/** A text of at most {@code max} characters without control characters other than tab, CR and LF. */
	static ValueType text(int max) {
		return new ValueType(Shape.TEXT, "text", 1, (value, dates, copy) -> {
			if (value.length() > max) {
				throw new Wrong("must be at most " + max + " characters");
			}
			for (int i = 0; i < value.length(); i++) {
				char c = value.charAt(i);
				if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
					throw new Wrong("must not contain control characters (U+%04X at position %d)".formatted((int) c, i + 1));
				}
			}
			CopyText.escape(value, copy);
		});
	}

	/** One of these constants, exactly as written. */
	static ValueType oneOf(List<String> constants) {
		Set<String> allowed = Set.copyOf(constants);
		String reason = "must be one of " + String.join(", ", constants);
		return new ValueType(Shape.TEXT, "text", 1, (value, dates, copy) -> {
			if (!allowed.contains(value)) {
				throw new Wrong(reason);
			}
			copy.append(value);
		});
	}

	static ValueType oneOf(Class<? extends Enum<?>> type) {
		return oneOf(Stream.of(type.getEnumConstants()).map(Enum::name).collect(Collectors.toList()));
	}

	void write(String value, Dates dates, StringBuilder copy) {
		writer.write(value, dates, copy);
	}

	/** Its column(s) in the staging table. */
	String staging(String name) {
		return sqlType != null ? name + " " + sqlType : name + " timestamptz, " + name + "_local timestamp";
	}

	/** An ISO date {@code yyyy-MM-dd}, read without a formatter: usage files hold one per row. */
	static LocalDate date(String value) {
		if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-') {
			throw new Wrong("must be a date such as 2026-12-31");
		}
		try {
			return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
		}
		catch (DateTimeException ex) {
			throw new Wrong("is not a valid date");
		}
	}

	private static int digits(String value, int from, int to) {
		int n = 0;
		for (int i = from; i < to; i++) {
			char c = value.charAt(i);
			if (c < '0' || c > '9') {
				throw new Wrong("must be a date such as 2026-12-31");
			}
			n = n * 10 + (c - '0');
		}
		return n;
	}

	private static int whole(String value) {
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new Wrong(value.matches("-?\\d+") ? "is too large" : Shape.WHOLE.reason);
		}
	}

}
