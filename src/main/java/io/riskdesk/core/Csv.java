package io.riskdesk.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** CSV as RFC 4180 has it: fields quoted when they need it, lines ended by CRLF. */
public final class Csv {

	private Csv() {
	}

	/** One line of fields, with its CRLF. */
	public static String line(List<?> fields) {
		return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
	}

	/** A field is quoted when it holds a comma, a quote or a line break; its quotes are doubled. */
	public static String field(Object value) {
		String text = Objects.toString(value, "");
		// A text a spreadsheet would run as a formula (=, +, -, @) is kept as text; numbers stay numbers.
		if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			text = "'" + text;
		}
		if (Stream.of(",", "\"", "\r", "\n").anyMatch(text::contains)) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
