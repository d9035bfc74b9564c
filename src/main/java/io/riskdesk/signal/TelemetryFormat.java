package io.riskdesk.signal;

/** How a telemetry file is written: {@code text/csv} with a header row, or {@code application/json}, an array of objects. */
public enum TelemetryFormat {
	CSV, JSON
}
