package io.riskdesk.signal;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;

import io.riskdesk.signal.internal.TelemetryStore;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * The telemetry intake of the API and the upload page: a file of one kind is stored all or nothing,
 * then {@link TelemetryReceived} is published for the accounts whose telemetry changed.
 */
@Service
public class TelemetryIntake {

	private final TelemetryStore store;

	private final ApplicationEventPublisher events;

	private final long maxBytes;

	TelemetryIntake(TelemetryStore store, ApplicationEventPublisher events, TelemetryProperties properties) {
		this.store = store;
		this.events = events;
		this.maxBytes = properties.maxRequestSize().toBytes();
	}

	/**
	 * @param body read as it streams in, up to {@link #maxBytes()}
	 * @throws TelemetryRejected when a row or the header is wrong: nothing is stored
	 * @throws TelemetryTooLarge when the body is larger than {@link #maxBytes()}: nothing is stored
	 */
	public TelemetryReport receive(TelemetryKind kind, TelemetryFormat format, InputStream body) {
		TelemetryReport report = store.store(kind, format, body, maxBytes);
		// The store's transaction has committed: listeners see the new rows.
		if (!report.accounts().isEmpty()) {
			events.publishEvent(new TelemetryReceived(kind, new HashSet<>(report.accounts())));
		}
		return report;
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
