package io.riskdesk.intake;

import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * {@code riskdesk.intake.*}: the largest document accepted, and where an account that an
 * import creates is proposed to be (documents rarely say; the reviewer can change it).
 */
@ConfigurationProperties("riskdesk.intake")
@Validated
record IntakeProperties(
		@NotNull @DefaultValue("1MB") DataSize maxBytes,
		@NotNull @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166 two-letter country code in capitals") @DefaultValue("US") String newAccountCountry,
		@NotNull @DefaultValue("America/New_York") ZoneId newAccountTimeZone) {
}
