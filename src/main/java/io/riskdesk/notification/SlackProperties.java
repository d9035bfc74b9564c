package io.riskdesk.notification;

import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import io.riskdesk.playbook.Severity;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code riskdesk.notifications.slack.*}: the incoming webhook of each Slack channel (channel name
 * to URL, in configuration order), which channel hears each severity (a severity without a route
 * goes to the first channel), and how long a post may take. Checked at start-up: a route to a
 * channel without a webhook, or a webhook that is not an http(s) URL, stops the application. The
 * URLs are secrets: errors name the channel, never the URL.
 */
@ConfigurationProperties("riskdesk.notifications.slack")
@Validated
record SlackProperties(Map<String, URI> webhooks, Map<Severity, String> routes,
		@NotNull @DefaultValue("10s") Duration timeout) {

	SlackProperties {
		// Kept in configuration order: the first channel is the default route.
		webhooks = Collections.unmodifiableMap(webhooks == null ? new LinkedHashMap<>() : new LinkedHashMap<>(webhooks));
		Map<Severity, String> routed = new EnumMap<>(Severity.class);
		if (routes != null) {
			routed.putAll(routes);
		}
		routes = Collections.unmodifiableMap(routed);
		for (Map.Entry<String, URI> webhook : webhooks.entrySet()) {
			URI url = webhook.getValue();
			if (url == null || !url.isAbsolute() || url.getHost() == null
					|| !("http".equalsIgnoreCase(url.getScheme()) || "https".equalsIgnoreCase(url.getScheme()))) {
				throw new IllegalArgumentException("riskdesk.notifications.slack.webhooks." + webhook.getKey()
						+ " must be an http or https URL");
			}
		}
		for (Map.Entry<Severity, String> route : routes.entrySet()) {
			if (!webhooks.containsKey(route.getValue())) {
				throw new IllegalArgumentException("riskdesk.notifications.slack.routes." + route.getKey() + " names channel '"
						+ route.getValue() + "', which has no webhook in riskdesk.notifications.slack.webhooks");
			}
		}
		if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
			throw new IllegalArgumentException("riskdesk.notifications.slack.timeout must be positive, not " + timeout);
		}
	}

}
