package io.riskdesk.notification;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;
import io.riskdesk.playbook.Severity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Slack webhooks against a local HTTP server standing in for Slack: 200, 500, too slow, unreachable. */
class SlackWebhooksTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The secret part of a webhook URL, which no error may show. */
	private static final String SECRET_PATH = "/services/T000/B000/s3cr3t";

	private static final URI LINK = URI.create("https://riskdesk.example.com/risks/RISK-2026-0042");

	private final List<Received> received = new CopyOnWriteArrayList<>();

	private ExecutorService threads;

	private HttpServer slack;

	/** What the fake Slack answers: status, body, and how long it waits first. */
	private volatile int status = 200;

	private volatile String answer = "ok";

	private volatile Duration delay = Duration.ZERO;

	record Received(String method, String path, String contentType, String body) {
	}

	@BeforeEach
	void startSlack() throws IOException {
		threads = Executors.newCachedThreadPool();
		slack = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		slack.setExecutor(threads);
		slack.createContext("/", exchange -> {
			received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("Content-Type"),
					new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
			try {
				Thread.sleep(delay.toMillis());
				byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
				exchange.sendResponseHeaders(status, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			}
			catch (InterruptedException | IOException ex) {
				// The client gave up: nothing to answer.
			}
			finally {
				exchange.close();
			}
		});
		slack.start();
	}

	@AfterEach
	void stopSlack() {
		slack.stop(0);
		threads.shutdownNow();
	}

	private URI webhook(String channel) {
		return URI.create("http://127.0.0.1:" + slack.getAddress().getPort() + SECRET_PATH + "/" + channel);
	}

	private SlackWebhooks webhooks(Duration timeout) {
		Map<String, URI> channels = new LinkedHashMap<>();
		channels.put("cs-risks", webhook("cs-risks"));
		channels.put("war-room", webhook("war-room"));
		return new SlackWebhooks(new SlackProperties(channels, Map.of(Severity.S0, "war-room"), timeout), JSON);
	}

	private static SlackMessage message(String account, String renewal, List<String> mentions) {
		return new SlackMessage("S0 escalation: " + account + " outage", Severity.S0, account, "$850,000", renewal,
				"Jonas Berg", "Join the war room and confirm the first customer update by 14:00.", mentions, LINK);
	}

	private static List<String> texts(JsonNode payload) {
		List<String> texts = new ArrayList<>();
		for (JsonNode block : payload.get("blocks")) {
			block.findValues("text").forEach(text -> texts.add(text.isObject() ? text.get("text").asString() : text.asString()));
		}
		return texts;
	}

	@Test
	void a200PostsTheBlockKitMessageToTheChannelsWebhook() {
		webhooks(Duration.ofSeconds(5)).post("war-room",
				message("Northwind Traders", "2027-03-31 (in 122 days)", List.of("jonas.berg", "@maria", "@U024BE7LH")));

		assertThat(received).hasSize(1);
		Received post = received.get(0);
		assertThat(post.method()).isEqualTo("POST");
		assertThat(post.path()).isEqualTo(SECRET_PATH + "/war-room");
		assertThat(post.contentType()).startsWith("application/json");
		JsonNode payload = JSON.readTree(post.body());
		assertThat(payload.get("text").asString()).isEqualTo("S0 escalation: Northwind Traders outage");
		JsonNode blocks = payload.get("blocks");
		assertThat(blocks.findValues("type").stream().map(JsonNode::asString).filter(
				type -> List.of("header", "section", "context", "actions").contains(type)))
			.containsExactly("header", "section", "section", "context", "actions");
		assertThat(blocks.get(0).get("text").get("type").asString()).isEqualTo("plain_text");
		assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo("S0 escalation: Northwind Traders outage");
		assertThat(blocks.get(1).get("fields").valueStream().map(field -> field.get("text").asString()))
			.containsExactly("*Severity*\nS0", "*Account*\nNorthwind Traders", "*ARR at risk*\n$850,000",
					"*Renewal*\n2027-03-31 (in 122 days)", "*Owner*\nJonas Berg");
		assertThat(blocks.get(2).get("text").get("text").asString())
			.isEqualTo("Join the war room and confirm the first customer update by 14:00.");
		// A member id is a mention Slack notifies; a name is text.
		assertThat(blocks.get(3).get("elements").get(0).get("text").asString()).isEqualTo("@jonas.berg @maria <@U024BE7LH>");
		JsonNode button = blocks.get(4).get("elements").get(0);
		assertThat(button.get("type").asString()).isEqualTo("button");
		assertThat(button.get("text").get("text").asString()).isEqualTo("Open in Riskdesk");
		assertThat(button.get("url").asString()).isEqualTo(LINK.toString());
	}

	@Test
	void anUnknownRenewalSaysSoAndNoMentionsMeansNoContextBlock() {
		JsonNode payload = webhooks(Duration.ofSeconds(5)).blockKit(message("Contoso", null, List.of()));

		assertThat(texts(payload)).contains("*Renewal*\nnot known");
		assertThat(payload.get("blocks").findValues("type").stream().map(JsonNode::asString)).doesNotContain("context");
	}

	@Test
	void customerTextStaysTextInEveryBlock() {
		webhooks(Duration.ofSeconds(5)).post("cs-risks",
				message("<script>& <!channel>", null, List.of("<!here>")));

		JsonNode payload = JSON.readTree(received.get(0).body());
		assertThat(payload.get("text").asString()).isEqualTo("S0 escalation: &lt;script&gt;&amp; &lt;!channel&gt; outage");
		assertThat(texts(payload)).contains("*Account*\n&lt;script&gt;&amp; &lt;!channel&gt;", "@&lt;!here&gt;")
			.noneMatch(text -> text.contains("<script>") || text.contains("<!"));
	}

	@Test
	void longTextsAreCutToSlacksLimitsWithAnEllipsis() {
		JsonNode payload = webhooks(Duration.ofSeconds(5)).blockKit(new SlackMessage("H".repeat(400), Severity.S1,
				"Fabrikam", null, null, null, "A".repeat(5000), List.of(), LINK));

		String header = payload.get("blocks").get(0).get("text").get("text").asString();
		assertThat(header).hasSize(SlackWebhooks.HEADER_LIMIT).endsWith("…");
		assertThat(payload.get("blocks").get(2).get("text").get("text").asString()).hasSize(SlackWebhooks.SECTION_LIMIT)
			.endsWith("…");
		// An escape is never cut in half.
		assertThat(SlackWebhooks.fit("x".repeat(146) + "&&", 150)).isEqualTo("x".repeat(146) + "…");
		assertThat(SlackWebhooks.fit("x".repeat(140) + "&&", 150)).isEqualTo("x".repeat(140) + "&amp;&amp;");
	}

	@Test
	void aRefusalNamesTheStatusAndTheBodyButNotTheUrl() {
		status = 500;
		answer = "internal_error " + "z".repeat(500);

		assertThatThrownBy(() -> webhooks(Duration.ofSeconds(5)).post("cs-risks", message("Contoso", null, List.of())))
			.isInstanceOf(NotificationDeliveryException.class)
			.hasMessageContaining("cs-risks")
			.hasMessageContaining("HTTP 500 internal_error zzz")
			.hasMessageNotContaining("z".repeat(200))
			.hasMessageNotContaining("s3cr3t");
	}

	@Test
	void aSlowSlackTimesOutWithinAboutTheTimeout() {
		delay = Duration.ofSeconds(3);
		SlackWebhooks webhooks = webhooks(Duration.ofMillis(300));

		long started = System.nanoTime();
		assertThatThrownBy(() -> webhooks.post("cs-risks", message("Contoso", null, List.of())))
			.isInstanceOf(NotificationDeliveryException.class)
			.hasMessageContaining("could not be reached")
			.satisfies(ex -> assertThat(chain(ex)).noneMatch(message -> message.contains("s3cr3t")));
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2000));
	}

	@Test
	void anUnreachableSlackFailsWithoutShowingTheUrl() {
		SlackWebhooks webhooks = webhooks(Duration.ofSeconds(2));
		slack.stop(0);

		assertThatThrownBy(() -> webhooks.post("cs-risks", message("Contoso", null, List.of())))
			.isInstanceOf(NotificationDeliveryException.class)
			.hasMessageContaining("could not be reached")
			.satisfies(ex -> assertThat(chain(ex)).noneMatch(message -> message.contains("s3cr3t")));
	}

	@Test
	void aChannelWithoutWebhookIsNotPosted() {
		assertThatThrownBy(() -> webhooks(Duration.ofSeconds(5)).post("general", message("Contoso", null, List.of())))
			.isInstanceOf(NotificationDeliveryException.class)
			.hasMessageContaining("'general'");
		assertThat(received).isEmpty();
	}

	@Test
	void aSeverityWithoutRouteGoesToTheFirstChannel() {
		SlackWebhooks webhooks = webhooks(Duration.ofSeconds(5));

		assertThat(webhooks.configured()).isTrue();
		assertThat(webhooks.channelFor(Severity.S0)).contains("war-room");
		assertThat(webhooks.channelFor(Severity.S1)).contains("cs-risks");
		assertThat(webhooks.channelFor(Severity.S3)).contains("cs-risks");

		SlackWebhooks none = new SlackWebhooks(new SlackProperties(null, null, Duration.ofSeconds(10)), JSON);
		assertThat(none.configured()).isFalse();
		assertThat(none.channelFor(Severity.S0)).isEmpty();
	}

	@Test
	void configurationBindsInOrderWithATenSecondDefault() {
		Map<String, String> yaml = new LinkedHashMap<>();
		yaml.put("riskdesk.notifications.slack.webhooks.zeta-risks", "https://hooks.slack.com/services/T/B/1");
		yaml.put("riskdesk.notifications.slack.webhooks.alpha-risks", "https://hooks.slack.com/services/T/B/2");
		yaml.put("riskdesk.notifications.slack.routes.S1", "alpha-risks");

		SlackProperties properties = bind(yaml);

		assertThat(properties.webhooks().keySet()).containsExactly("zeta-risks", "alpha-risks");
		assertThat(properties.routes()).containsExactly(Map.entry(Severity.S1, "alpha-risks"));
		assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
		assertThat(new SlackWebhooks(properties, JSON).channelFor(Severity.S2)).contains("zeta-risks");
	}

	@Test
	void aRouteToAChannelWithoutWebhookStopsStartUp() {
		Map<String, String> yaml = new LinkedHashMap<>();
		yaml.put("riskdesk.notifications.slack.webhooks.cs-risks", "https://hooks.slack.com/services/T/B/1");
		yaml.put("riskdesk.notifications.slack.routes.S0", "war-room");

		assertThatThrownBy(() -> bind(yaml)).isInstanceOf(BindException.class)
			.rootCause()
			.hasMessageContaining("routes.S0")
			.hasMessageContaining("'war-room'");
	}

	@Test
	void aWebhookMustBeHttpAndIsNotQuotedWhenItIsNot() {
		assertThatThrownBy(() -> new SlackProperties(Map.of("cs-risks", URI.create("ftp://hooks.example.com/s3cr3t")),
				Map.of(), Duration.ofSeconds(10)))
			.hasMessageContaining("webhooks.cs-risks must be an http or https URL")
			.hasMessageNotContaining("s3cr3t");
		assertThatThrownBy(() -> new SlackProperties(Map.of(), Map.of(), Duration.ZERO)).hasMessageContaining("timeout");
	}

	private static SlackProperties bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties))
			.bindOrCreate("riskdesk.notifications.slack", SlackProperties.class);
	}

	private static List<String> chain(Throwable ex) {
		List<String> messages = new ArrayList<>();
		for (Throwable t = ex; t != null; t = t.getCause()) {
			messages.add(String.valueOf(t.getMessage()));
		}
		return messages;
	}

}
