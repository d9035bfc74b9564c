package io.riskdesk.signal;

import java.util.Arrays;

import io.riskdesk.core.NotFoundException;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a telemetry file holds; {@link #path()} is its name in {@code /api/telemetry/{kind}} and in answers. */
public enum TelemetryKind {

	USAGE("usage"), FEATURE_USAGE("feature-usage"), TICKETS("tickets"), INVOICES("invoices"), SURVEYS("surveys"),
	EVENTS("events");

	private final String path;

	TelemetryKind(String path) {
		this.path = path;
	}

	@JsonValue
	public String path() {
		return path;
	}

	/** @throws NotFoundException for a name that is no kind: the API answers 404 */
	public static TelemetryKind of(String path) {
		return Arrays.stream(values())
			.filter(kind -> kind.path.equals(path))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("Telemetry kind", path));
	}

}
