package io.riskdesk.signal.internal;

import java.util.List;

/** The data rows of a telemetry file, one at a time, each value at its column's index in the kind's column list. */
interface Rows extends AutoCloseable {

	/**
	 * Reads the next row into {@code values} (null where the row gives none). A row whose structure
	 * is wrong is reported to the errors and read all the same; a file that cannot be read on
	 * (broken syntax) reports that and ends.
	 *
	 * @return false at the end of the file
	 */
	boolean next(String[] values);

	/** The number of the row {@link #next} read. */
	long row();

	@Override
	void close();

	static String names(List<Column> columns) {
		return String.join(", ", columns.stream().map(Column::name).toList());
	}

}
