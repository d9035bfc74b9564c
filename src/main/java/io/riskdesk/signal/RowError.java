package io.riskdesk.signal;

/**
 * One wrong value of a telemetry file.
 *
 * @param row the row's number: in CSV the header is row 1 and the first data row row 2 (a quoted
 *        field spanning lines does not count as more rows); in JSON the array index + 1
 * @param column the field, or null when the row as a whole is wrong (a wrong number of fields, a
 *        key that an earlier row has already)
 */
public record RowError(long row, String column, String reason) {
}
