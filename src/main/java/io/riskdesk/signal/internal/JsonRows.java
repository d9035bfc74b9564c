package io.riskdesk.signal.internal;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.riskdesk.signal.RowError;
import io.riskdesk.signal.TelemetryRejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON array of objects, one per row, read token by token: the array is never held in memory.
 * Row {@code n} is the object at index {@code n - 1}. Values must have their JSON type (a count is
 * a number, not {@code "12"}); null is no value; unknown fields are refused.
 */
final class JsonRows implements Rows {

	private final JsonParser parser;

	private final String kind;

	private final List<Column> columns;

	private final Map<String, Integer> indexes = new HashMap<>();

	private final RowErrors errors;

	private long row;

	/** @throws TelemetryRejected when the body is not a JSON array */
	JsonRows(InputStream body, String kind, List<Column> columns, RowErrors errors) {
		this.parser = JsonMapper.shared().createParser(body);
		this.kind = kind;
		this.columns = columns;
		this.errors = errors;
		for (int c = 0; c < columns.size(); c++) {
			indexes.put(columns.get(c).name(), c);
		}
		JsonToken first;
		try {
			first = parser.nextToken();
		}
		catch (JacksonException ex) {
			first = null;
		}
		if (first != JsonToken.START_ARRAY) {
			throw new TelemetryRejected(List.of(new RowError(0, null, "the body must be a JSON array of objects")), 1);
		}
	}

	@Override
	public boolean next(String[] values) {
		Arrays.fill(values, null);
		long reading = row + 1;
		try {
			JsonToken token = parser.nextToken();
			if (token == JsonToken.END_ARRAY || token == null) {
				return false;
			}
			row = reading;
			if (token != JsonToken.START_OBJECT) {
				errors.add(row, null, "must be an object with the fields " + Rows.names(columns));
				parser.skipChildren();
				return true;
			}
			boolean[] seen = new boolean[columns.size()];
			for (token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
				String name = parser.currentName();
				token = parser.nextToken();
				Integer column = indexes.get(name);
				if (column == null) {
					errors.add(row, name, "is not a field of " + kind + " (" + Rows.names(columns) + ")");
				}
				else if (seen[column]) {
					errors.add(row, name, "appears twice");
				}
				else {
					seen[column] = true;
					values[column] = value(token, columns.get(column));
				}
				parser.skipChildren();
			}
			return true;
		}
		catch (JacksonException ex) {
			errors.add(reading, null, CsvRows.unreadable(ex));
			return false;
		}
	}

	/** The value as text, or null; a value of the wrong JSON type is reported and counts as none. */
	private String value(JsonToken token, Column column) {
		ValueType.Shape shape = column.type().shape;
		boolean fits = switch (token) {
			case VALUE_NULL -> true;
			case VALUE_STRING -> shape == ValueType.Shape.TEXT;
			case VALUE_NUMBER_INT -> shape == ValueType.Shape.WHOLE || shape == ValueType.Shape.NUMBER;
			case VALUE_NUMBER_FLOAT -> shape == ValueType.Shape.NUMBER;
			case VALUE_TRUE, VALUE_FALSE -> shape == ValueType.Shape.BOOLEAN;
			default -> false;
		};
		if (!fits) {
			errors.add(row, column.name(), shape.reason);
			return null;
		}
		return token == JsonToken.VALUE_NULL ? null : parser.getString();
	}

	@Override
	public long row() {
		return row;
	}

	@Override
	public void close() {
		parser.close();
	}

}
