package io.riskdesk.signal;

import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import io.riskdesk.signal.internal.TelemetryStore;

import org.springframework.stereotype.Service;

/**
 * The telemetry intake of the API and the upload page: a file of one kind is stored all or nothing,
 * then a detection pass runs, as of today, over the accounts whose telemetry changed.
 */
@Service
public class TelemetryIntake {

	private final TelemetryStore store;

	private final DetectionRuns detection;

	private final Clock clock;

	private final long maxBytes;

	TelemetryIntake(TelemetryStore store, DetectionRuns detection, Clock clock, TelemetryProperties properties) {
		this.store = store;
		this.detection = detection;
		this.clock = clock;
		this.maxBytes = properties.maxRequestSize().toBytes();
	}

	/**
	 * @param body read as it streams in, up to {@link #maxBytes()}
	 * @throws TelemetryRejected when a row or the header is wrong: nothing is stored
	 * @throws TelemetryTooLarge when the body is larger than {@link #maxBytes()}: nothing is stored
	 */
	public TelemetryReport receive(TelemetryKind kind, TelemetryFormat format, InputStream body) {
		TelemetryReport report = store.store(kind, format, body, maxBytes);
		// The rows are committed: a failed pass leaves them stored, and the scheduled pass tries again.
		return report.accounts().isEmpty() ? report
				: report.withDetection(detection.run(LocalDate.now(clock), report.accounts()));
	}

	/** The largest body {@link #receive} reads ({@code riskdesk.telemetry.max-request-size}). */
	public long maxBytes() {
		return maxBytes;
	}

	/** The fields of a kind in their order, for people: the optional ones say so. */
	public List<String> fields(TelemetryKind kind) {
		return TelemetryStore.fields(kind);
	}

}
