package io.riskdesk.signal;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code riskdesk.detection.*}: whether a full detection pass runs on a schedule, and how long
 * after the end of one the next starts. Telemetry intake and {@code POST /api/detection/run}
 * run passes of their own either way.
 */
@ConfigurationProperties("riskdesk.detection")
@Validated
record DetectionProperties(@DefaultValue("true") boolean scheduled, @NotNull @DefaultValue("PT1H") Duration interval) {

	DetectionProperties {
		if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
			throw new IllegalArgumentException("riskdesk.detection.interval must be at least one minute, not " + interval);
		}
	}

}
