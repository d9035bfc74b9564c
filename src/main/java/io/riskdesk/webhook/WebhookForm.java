package io.riskdesk.webhook;

import java.util.Set;

import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A subscription to create or replace. {@code url}: http or https, with a host; {@code secret}:
 * left out, one is generated on creation (and kept on an update); {@code enabled}: left out, true.
 * Enabling a subscription starts its count of failed deliveries from zero.
 */
public record WebhookForm(@NotBlank @Text(max = Text.LINE) String url,
		@NotEmpty Set<@NotNull WebhookEventType> eventTypes,
		@Size(min = 16, max = 200, message = "must be 16 to 200 characters") @Text(max = 200) String secret,
		Boolean enabled, @Text(max = Text.LINE) String description) {

	boolean enabledOrDefault() {
		return enabled == null || enabled;
	}

}
