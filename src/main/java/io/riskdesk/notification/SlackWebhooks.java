package io.riskdesk.notification;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.riskdesk.playbook.Severity;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Posts notifications to Slack through incoming webhooks, one webhook per channel, as a Block Kit
 * message: a header with the headline, the facts (severity, account, ARR at risk, renewal, owner),
 * the ask, the people mentioned and a button to the risk. Every text is escaped the way Slack
 * requires ({@code & < >}), so a customer named {@code <script>} or {@code <!channel>} stays text,
 * and cut to Slack's limits. A post that Slack does not accept with a 2xx in time fails with a
 * {@link NotificationDeliveryException}; retrying is the caller's business.
 */
@Component
class SlackWebhooks {

	/** Slack's limits: header text, section text, one section field. */
	static final int HEADER_LIMIT = 150;

	static final int SECTION_LIMIT = 3000;

	static final int FIELD_LIMIT = 2000;

	/** How much of a refusal's body the exception quotes. */
	private static final int QUOTED_BODY_CHARS = 200;

	private static final String NOT_KNOWN = "not known";

	private static final Pattern MEMBER_ID = Pattern.compile("[UW][A-Z0-9]{6,}");

	private final SlackProperties properties;

	private final JsonMapper json;

	private final RestClient http;

	SlackWebhooks(SlackProperties properties, JsonMapper json) {
		this.properties = properties;
		this.json = json;
		HttpClient client = HttpClient.newBuilder().connectTimeout(properties.timeout()).build();
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.timeout());
		this.http = RestClient.builder().requestFactory(requests).build();
	}

	/** Whether any Slack channel has a webhook. */
	boolean configured() {
		return !properties.webhooks().isEmpty();
	}

	/** The channel that hears {@code severity}: its route, else the first configured channel; empty when none is. */
	Optional<String> channelFor(Severity severity) {
		String routed = severity == null ? null : properties.routes().get(severity);
		return routed != null ? Optional.of(routed) : properties.webhooks().keySet().stream().findFirst();
	}

	/**
	 * Posts {@code message} to the webhook of {@code channel}.
	 * @throws NotificationDeliveryException when the channel has no webhook, Slack answers other than
	 * 2xx (the message names the status and the start of the body), or it cannot be reached in time
	 */
	void post(String channel, SlackMessage message) {
		URI webhook = properties.webhooks().get(channel);
		if (webhook == null) {
			throw new NotificationDeliveryException("No Slack webhook is configured for channel '" + channel + "'");
		}
		String body = json.writeValueAsString(blockKit(message));
		try {
			http.post().uri(webhook).contentType(MediaType.APPLICATION_JSON).body(body).exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				if (!status.is2xxSuccessful()) {
					throw new NotificationDeliveryException("Slack channel '" + channel + "' refused the message: HTTP "
							+ status.value() + " " + start(response.getBody()));
				}
				return null;
			});
		}
		catch (ResourceAccessException ex) {
			// Its message holds the URL, a secret: only the underlying I/O error is kept.
			Throwable cause = ex.getCause() != null ? ex.getCause() : ex;
			throw new NotificationDeliveryException("Slack channel '" + channel + "' could not be reached: "
					+ cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : " " + cause.getMessage()),
					ex.getCause());
		}
	}

	/** The Block Kit payload of {@code message}, with a plain-text fallback for notifications. */
	ObjectNode blockKit(SlackMessage message) {
		ObjectNode payload = json.createObjectNode();
		payload.put("text", fit(message.headline(), SECTION_LIMIT));
		ArrayNode blocks = payload.putArray("blocks");

		ObjectNode header = blocks.addObject().put("type", "header");
		header.putObject("text").put("type", "plain_text").put("text", fit(message.headline(), HEADER_LIMIT));

		ObjectNode facts = blocks.addObject().put("type", "section");
		ArrayNode fields = facts.putArray("fields");
		field(fields, "Severity", message.severity() == null ? "not set" : message.severity().name());
		field(fields, "Account", message.account());
		field(fields, "ARR at risk", orNotKnown(message.arrAtRisk()));
		field(fields, "Renewal", orNotKnown(message.renewal()));
		field(fields, "Owner", orNotKnown(message.owner()));

		blocks.addObject().put("type", "section").set("text", mrkdwn(fit(message.ask(), SECTION_LIMIT)));

		if (!message.mentions().isEmpty()) {
			String mentioned = message.mentions().stream().map(SlackWebhooks::mention).collect(Collectors.joining(" "));
			blocks.addObject().put("type", "context").putArray("elements").add(mrkdwn(mentioned));
		}

		ObjectNode button = blocks.addObject().put("type", "actions").putArray("elements").addObject();
		button.put("type", "button").put("url", message.link().toString());
		button.putObject("text").put("type", "plain_text").put("text", "Open in Riskdesk");
		return payload;
	}

	private void field(ArrayNode fields, String label, String value) {
		fields.add(mrkdwn("*" + label + "*\n" + fit(value, FIELD_LIMIT - label.length() - 3)));
	}

	/**
	 * A Slack member id (U0123ABCD, from the person's profile) becomes a real mention that notifies
	 * them; any other handle is shown as text, since a webhook cannot look names up.
	 */
	private static String mention(String handle) {
		String bare = handle.startsWith("@") ? handle.substring(1) : handle;
		return MEMBER_ID.matcher(bare).matches() ? "<@" + bare + ">" : fit("@" + bare, FIELD_LIMIT);
	}

	private ObjectNode mrkdwn(String escapedText) {
		return json.createObjectNode().put("type", "mrkdwn").put("text", escapedText);
	}

	private static String orNotKnown(String value) {
		return value == null || value.isBlank() ? NOT_KNOWN : value;
	}

	/**
	 * {@code text} escaped for Slack and cut to {@code limit} characters with an ellipsis, never
	 * inside an escape or a surrogate pair.
	 */
	static String fit(String text, int limit) {
		String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
		if (escaped.length() <= limit) {
			return escaped;
		}
		String kept = escaped.substring(0, limit - 1);
		int amp = kept.lastIndexOf('&');
		if (amp >= 0 && kept.indexOf(';', amp) < 0) {
			kept = kept.substring(0, amp);
		}
		if (!kept.isEmpty() && Character.isHighSurrogate(kept.charAt(kept.length() - 1))) {
			kept = kept.substring(0, kept.length() - 1);
		}
		return kept + "…";
	}

	private static String start(InputStream body) throws IOException {
		String text = new String(body.readNBytes(4 * QUOTED_BODY_CHARS), StandardCharsets.UTF_8).strip();
		return text.length() <= QUOTED_BODY_CHARS ? text : text.substring(0, QUOTED_BODY_CHARS) + "…";
	}

}
