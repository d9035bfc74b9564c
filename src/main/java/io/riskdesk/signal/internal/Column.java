package io.riskdesk.signal.internal;

/**
 * One field of a telemetry kind: its name in the header (CSV) or object (JSON), its type, and
 * what an empty or absent value means.
 */
record Column(String name, ValueType type, Presence presence) {

	enum Presence {
		/** In every header and every row. */
		REQUIRED,
		/** May be left out or empty: stored as null. */
		OPTIONAL,
		/** May be left out or empty: stored as an empty text (a key column that must not be null). */
		BLANK
	}

	static Column required(String name, ValueType type) {
		return new Column(name, type, Presence.REQUIRED);
	}

	static Column optional(String name, ValueType type) {
		return new Column(name, type, Presence.OPTIONAL);
	}

	static Column blank(String name, ValueType type) {
		return new Column(name, type, Presence.BLANK);
	}

	boolean required() {
		return presence == Presence.REQUIRED;
	}

}
