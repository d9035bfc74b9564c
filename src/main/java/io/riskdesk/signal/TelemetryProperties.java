package io.riskdesk.signal;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/** {@code riskdesk.telemetry.*}: the largest request body the intake reads, counted as it streams in. */
@ConfigurationProperties("riskdesk.telemetry")
@Validated
record TelemetryProperties(@NotNull @DefaultValue("100MB") DataSize maxRequestSize) {
}
