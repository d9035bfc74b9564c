package io.riskdesk.signal.internal;

/** PostgreSQL's COPY text format: fields separated by tabs, rows by newlines, null as \N. */
final class CopyText {

	static final String NULL = "\\N";

	private CopyText() {
	}

	/** Appends a text field, its backslashes, tabs and line breaks escaped. */
	static void escape(String value, StringBuilder copy) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '\\' -> copy.append("\\\\");
				case '\t' -> copy.append("\\t");
				case '\n' -> copy.append("\\n");
				case '\r' -> copy.append("\\r");
				default -> copy.append(c);
			}
		}
	}

}
