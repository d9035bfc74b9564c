package io.riskdesk.signal.internal;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.riskdesk.signal.RowError;
import io.riskdesk.signal.TelemetryRejected;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.dataformat.csv.CsvMapper;

/**
 * A CSV file (RFC 4180, UTF-8, a header row naming the columns in any order) read record by
 * record with Jackson's streaming CSV parser. Rows are numbered as a spreadsheet numbers them:
 * the header is row 1, and a quoted field spanning lines is still one row. Blank rows are skipped.
 */
final class CsvRows implements Rows {

	private final JsonParser parser;

	private final RowErrors errors;

	private final List<Column> columns;

	/** For each field of the header, the index of its column. */
	private final int[] positions;

	private final List<String> fields = new ArrayList<>();

	/** The number of the last record read: the header is 1. */
	private long row;

	/** @throws TelemetryRejected when the header is missing a required column, names an unknown one, or is not comma-separated */
	CsvRows(InputStream body, String kind, List<Column> columns, RowErrors errors) {
		// Bytes that are not UTF-8 become U+FFFD, found in their row and column below: a strict decoder
		// would fail a whole buffer ahead of the row being read.
		this.parser = CsvMapper.shared().createParser(new InputStreamReader(body, StandardCharsets.UTF_8));
		this.errors = errors;
		this.columns = columns;
		if (!record()) {
			errors.throwIfAny(); // a header that cannot be read
			throw header(List.of(new RowError(1, null, "is missing: the file is empty, a header row naming the columns comes first")));
		}
		this.positions = positions(kind, columns);
	}

	private int[] positions(String kind, List<Column> columns) {
		if (!fields.isEmpty()) {
			fields.set(0, fields.get(0).replace("\uFEFF", "")); // the byte order mark spreadsheets write
		}
		if (fields.size() == 1 && (fields.get(0).contains(";") || fields.get(0).contains("\t"))) {
			String found = fields.get(0).contains(";") ? "';'" : "tabs";
			throw header(List.of(new RowError(1, null, "is one column holding " + found
					+ ": the fields must be separated by commas (" + Rows.names(columns) + ")")));
		}
		List<RowError> problems = new ArrayList<>();
		int[] found = new int[fields.size()];
		boolean[] present = new boolean[columns.size()];
		for (int i = 0; i < fields.size(); i++) {
			String name = fields.get(i).strip();
			int column = index(columns, name);
			found[i] = column;
			if (column < 0) {
				problems.add(new RowError(1, name, "is not a column of " + kind + " (" + Rows.names(columns) + ")"));
			}
			else if (present[column]) {
				problems.add(new RowError(1, name, "appears twice in the header"));
			}
			else {
				present[column] = true;
			}
		}
		for (int c = 0; c < columns.size(); c++) {
			if (!present[c] && columns.get(c).required()) {
				problems.add(new RowError(1, columns.get(c).name(), "is missing from the header"));
			}
		}
		if (!problems.isEmpty()) {
			throw header(problems);
		}
		return found;
	}

	private static int index(List<Column> columns, String name) {
		for (int c = 0; c < columns.size(); c++) {
			if (columns.get(c).name().equals(name)) {
				return c;
			}
		}
		return -1;
	}

	private static TelemetryRejected header(List<RowError> problems) {
		return new TelemetryRejected(problems, problems.size());
	}

	@Override
	public boolean next(String[] values) {
		while (record()) {
			if (fields.size() == 1 && fields.get(0).isEmpty()) {
				continue; // a blank row
			}
			Arrays.fill(values, null);
			if (fields.size() != positions.length) {
				errors.add(row, null, "has " + fields.size() + " fields, the header has " + positions.length);
			}
			else {
				for (int i = 0; i < positions.length; i++) {
					values[positions[i]] = fields.get(i);
					if (fields.get(i).indexOf('\uFFFD') >= 0) {
						errors.add(row, columns.get(positions[i]).name(), "is not UTF-8 text");
					}
				}
			}
			return true;
		}
		return false;
	}

	/** Reads the next record into {@link #fields}; false at the end, or when the rest cannot be read. */
	private boolean record() {
		fields.clear();
		long reading = row + 1;
		try {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				return false;
			}
			row = reading;
			for (JsonToken token = parser.nextToken(); token == JsonToken.VALUE_STRING; token = parser.nextToken()) {
				fields.add(parser.getString());
			}
			return true;
		}
		catch (JacksonException ex) {
			errors.add(reading, null, unreadable(ex));
			return false;
		}
	}

	static String unreadable(JacksonException ex) {
		if (ex instanceof JacksonIOException io) {
			throw new UncheckedIOException(io.getCause());
		}
		return "cannot be read: " + ex.getOriginalMessage();
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
