package io.riskdesk.signal;

/** A telemetry request over {@code riskdesk.telemetry.max-request-size} (413); nothing of it was stored. */
public class TelemetryTooLarge extends RuntimeException {

	public TelemetryTooLarge(long maxBytes) {
		super("The request is larger than " + maxBytes + " bytes, the most riskdesk.telemetry.max-request-size allows;"
				+ " split the file. Nothing was stored");
	}

}
