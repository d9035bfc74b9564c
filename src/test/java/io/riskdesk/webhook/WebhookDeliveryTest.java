package io.riskdesk.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import io.riskdesk.MutableClock;
import io.riskdesk.TestClockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Webhooks sent for real: a context of its own with the delivery worker on and short retries, and
 * a local HTTP server as the receiver, which answers 200, 500 or too late as each test asks. The
 * signatures are checked by this test's own HMAC code, not Riskdesk's.
 */
@SpringBootTest(properties = {
		"riskdesk.demo.enabled=false",
		"riskdesk.security.admin-password=" + WebhookDeliveryTest.PASSWORD,
		"riskdesk.webhooks.delivery.enabled=true",
		"riskdesk.webhooks.delivery.poll-interval=100ms",
		"riskdesk.webhooks.delivery.initial-backoff=100ms",
		"riskdesk.webhooks.delivery.max-backoff=400ms",
		"riskdesk.webhooks.delivery.max-attempts=4",
		"riskdesk.webhooks.delivery.connect-timeout=500ms",
		"riskdesk.webhooks.delivery.read-timeout=300ms",
		"riskdesk.webhooks.delivery.lease=5s",
		"riskdesk.webhooks.disable-after-failures=2" })
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class WebhookDeliveryTest {

	static final String PASSWORD = "webhook-test-admin";

	private static final Receiver receiver = new Receiver();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void reset() {
		clock.reset();
		receiver.requests.clear();
		receiver.answers.clear();
		receiver.served.clear();
		receiver.delays.clear();
		// Every test subscribes its own receiver path; a subscription left over would get the next test's events.
		jdbc.sql("delete from webhook_subscription").update();
	}

	@AfterAll
	static void stopReceiver() {
		receiver.server.stop(0);
	}

	@Test
	void triageAndCloseReachTheReceiverSignedWithTheirTypesAndTheRiskAsItIsThen() throws Exception {
		Subscription crm = subscribe("/crm", "RISK_TRIAGED", "RISK_CLOSED");
		long owner = person("Olga Owner");
		String account = "Zürich Instruments " + UUID.randomUUID().toString().substring(0, 6);
		String key = risk(account(account, owner), "Checkout errors");

		triageActivateResolveAndClose(key, owner);

		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.about(key).size() == 2);
		List<Request> received = receiver.about(key);
		assertThat(received).extracting(request -> request.header("Riskdesk-Event"))
			.containsExactly("RISK_TRIAGED", "RISK_CLOSED");
		for (Request request : received) {
			assertThat(verify(request, crm.secret)).as("signature of %s", request.body).isTrue();
			assertThat(JsonPath.<String>read(request.body, "$.type")).isEqualTo(request.header("Riskdesk-Event"));
			assertThat(JsonPath.<String>read(request.body, "$.id")).startsWith("evt_");
			assertThat(JsonPath.<String>read(request.body, "$.data.account.name")).isEqualTo(account);
			assertThat(JsonPath.<String>read(request.body, "$.data.severity")).isEqualTo("S1");
			assertThat(request.header("Content-Type")).startsWith("application/json");
		}
		Request triaged = received.get(0);
		assertThat(JsonPath.<String>read(triaged.body, "$.data.status")).isEqualTo("TRIAGED");
		assertThat(JsonPath.<String>read(triaged.body, "$.data.owner")).isEqualTo("Olga Owner");
		assertThat(JsonPath.<String>read(triaged.body, "$.data.arrAtRisk.amount")).isEqualTo("480000.00");
		Request closed = received.get(1);
		assertThat(JsonPath.<String>read(closed.body, "$.data.status")).isEqualTo("CLOSED");
		assertThat(JsonPath.<String>read(closed.body, "$.data.outcome")).isEqualTo("RETAINED");
		assertThat(JsonPath.<String>read(closed.body, "$.data.closingSummary")).isEqualTo("Fixed and renewed");
		// A body changed on the way, or signed with another secret, does not verify.
		assertThat(verify(new Request(closed.headers, closed.body.replace("RETAINED", "CHURNED")), crm.secret)).isFalse();
		assertThat(verify(closed, "whsec_someone-else")).isFalse();

		List<Map<String, Object>> log = deliveries(crm.id);
		assertThat(log).hasSize(2).allSatisfy(delivery -> {
			assertThat(delivery).containsEntry("status", "DELIVERED").containsEntry("attempts", 1)
				.containsEntry("responseCode", 200);
			assertThat(received).extracting(request -> request.header("Riskdesk-Delivery")).contains((String) delivery.get("id"));
		});
	}

	@Test
	void aReceiverAnswering500IsRetriedWithBackoffUntilItAnswers200() throws Exception {
		receiver.answer("/flaky", 500, 500, 200);
		Subscription flaky = subscribe("/flaky", "RISK_OPENED");
		String key = risk(account("Flaky Receiver", person("Fay Flake")), "Adoption dropped");

		await().atMost(Duration.ofSeconds(20))
			.until(() -> deliveries(flaky.id).stream().anyMatch(d -> "DELIVERED".equals(d.get("status"))));
		Map<String, Object> delivery = deliveries(flaky.id).get(0);
		assertThat(delivery).containsEntry("attempts", 3).containsEntry("responseCode", 200).containsEntry("riskKey", key);
		assertThat(delivery.get("lastError")).isNull();
		List<Request> tries = receiver.about(key);
		assertThat(tries).hasSize(3).extracting(request -> request.header("Riskdesk-Delivery")).containsOnly((String) delivery.get("id"));
		assertThat(tries).allSatisfy(request -> assertThat(verify(request, flaky.secret)).isTrue());
		assertThat(tries).extracting(request -> request.body).as("the same body on every attempt").containsOnly(tries.get(0).body);

		String details = admin(get("/api/admin/webhooks/{id}/deliveries/{d}", flaky.id, delivery.get("id")));
		assertThat(JsonPath.<List<Integer>>read(details, "$.attempts[*].responseCode")).containsExactly(500, 500, 200);
		assertThat(JsonPath.<String>read(details, "$.attempts[0].error")).startsWith("HTTP 500: no thanks");
		List<String> started = JsonPath.read(details, "$.attempts[*].startedAt");
		Duration firstWait = Duration.between(Instant.parse(started.get(0)), Instant.parse(started.get(1)));
		Duration secondWait = Duration.between(Instant.parse(started.get(1)), Instant.parse(started.get(2)));
		assertThat(firstWait).as("backoff after the first failure").isGreaterThanOrEqualTo(Duration.ofMillis(100));
		assertThat(secondWait).as("doubled after the second").isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void aReceiverThatTimesOutIsTriedMaxAttemptsAndTheDeliveryFails() throws Exception {
		receiver.slow("/slow", Duration.ofSeconds(2));
		Subscription slow = subscribe("/slow", "RISK_OPENED");
		String key = risk(account("Slow Receiver", person("Sam Slow")), "Usage down");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> deliveries(slow.id).stream().anyMatch(d -> "FAILED".equals(d.get("status"))));
		Map<String, Object> delivery = deliveries(slow.id).get(0);
		assertThat(delivery).containsEntry("attempts", 4).containsEntry("riskKey", key);
		assertThat(delivery.get("responseCode")).isNull();
		assertThat((String) delivery.get("lastError")).startsWith("Timed out");
		assertThat(subscription(slow.id)).containsEntry("consecutiveFailures", 1).containsEntry("enabled", true);
	}

	@Test
	void aReceiverThatAnswersAtOnceButTricklesItsBodyTimesOutToo() throws Exception {
		receiver.trickle("/trickle");
		Subscription trickling = subscribe("/trickle", "RISK_OPENED");
		risk(account("Trickling Receiver", person("Tia Trickle")), "Usage down");

		await().atMost(Duration.ofSeconds(30))
			.until(() -> deliveries(trickling.id).stream().anyMatch(d -> "FAILED".equals(d.get("status"))));
		Map<String, Object> delivery = deliveries(trickling.id).get(0);
		assertThat((String) delivery.get("lastError")).startsWith("Timed out: no whole answer within");
	}

	@Test
	void twoFailedDeliveriesInARowDisableTheSubscriptionAndEnablingItStartsAgainFromZero() throws Exception {
		receiver.answer("/down", 503, 503, 503, 503, 503, 503, 503, 503);
		Subscription down = subscribe("/down", "RISK_OPENED");
		long owner = person("Dee Down");
		long account = account("Down Receiver", owner);
		risk(account, "First");
		risk(account, "Second");

		await().atMost(Duration.ofSeconds(30)).until(() -> !(Boolean) subscription(down.id).get("enabled"));
		Map<String, Object> disabled = subscription(down.id);
		assertThat(disabled).containsEntry("consecutiveFailures", 2)
			.containsEntry("disabledReason", "Disabled after 2 deliveries in a row failed");
		assertThat(deliveries(down.id)).extracting(d -> d.get("status")).containsOnly("FAILED");

		// Disabled, it gets nothing new.
		String third = risk(account, "Third");
		Thread.sleep(500);
		assertThat(receiver.about(third)).isEmpty();
		assertThat(deliveries(down.id)).hasSize(2);

		receiver.answers.remove("/down");
		mvc.perform(as(put("/api/admin/webhooks/{id}", down.id)).header(HttpHeaders.IF_MATCH, "\"" + disabled.get("version") + "\"")
			.content("""
					{"url": "%s", "eventTypes": ["RISK_OPENED"], "enabled": true}""".formatted(receiver.url("/down"))))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.enabled").value(true))
			.andExpect(jsonPath("$.consecutiveFailures").value(0))
			.andExpect(jsonPath("$.disabledReason").doesNotExist());
		String fourth = risk(account, "Fourth");
		await().atMost(Duration.ofSeconds(20)).until(() -> receiver.about(fourth).size() == 1);
	}

	@Test
	void aFailedDeliveryIsSentAgainByHandWithTheSameIdAndBody() throws Exception {
		receiver.answer("/later", 500, 500, 500, 500);
		Subscription later = subscribe("/later", "RISK_OPENED");
		String key = risk(account("Later Receiver", person("Lee Later")), "Sponsor left");
		await().atMost(Duration.ofSeconds(20))
			.until(() -> deliveries(later.id).stream().anyMatch(d -> "FAILED".equals(d.get("status"))));
		String deliveryId = (String) deliveries(later.id).get(0).get("id");
		assertThat(receiver.about(key)).hasSize(4);

		mvc.perform(as(post("/api/admin/webhooks/{id}/deliveries/{d}/redeliver", later.id, deliveryId)))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.status").value("PENDING"))
			.andExpect(jsonPath("$.attempts").value(0));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> "DELIVERED".equals(deliveries(later.id).get(0).get("status")));
		List<Request> tries = receiver.about(key);
		assertThat(tries).hasSize(5).extracting(request -> request.header("Riskdesk-Delivery")).containsOnly(deliveryId);
		assertThat(verify(tries.get(4), later.secret)).isTrue();
		assertThat(tries.get(4).body).isEqualTo(tries.get(0).body);
		String details = admin(get("/api/admin/webhooks/{id}/deliveries/{d}", later.id, deliveryId));
		assertThat(JsonPath.<List<Integer>>read(details, "$.attempts[*].responseCode")).containsExactly(500, 500, 500, 500, 200);
		assertThat(subscription(later.id)).containsEntry("consecutiveFailures", 0);
	}

	/** The receiver's check, written from docs/webhooks.md: HMAC-SHA256 of "t.body", hex, compared in constant time. */
	private static boolean verify(Request request, String secret) throws Exception {
		Map<String, String> parts = java.util.Arrays.stream(request.header("Riskdesk-Signature").split(","))
			.map(part -> part.split("=", 2))
			.collect(Collectors.toMap(kv -> kv[0], kv -> kv[1]));
		long timestamp = Long.parseLong(parts.get("t"));
		if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
			return false;
		}
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		byte[] expected = mac.doFinal((parts.get("t") + "." + request.body).getBytes(StandardCharsets.UTF_8));
		return MessageDigest.isEqual(expected, HexFormat.of().parseHex(parts.get("v1")));
	}

	private void triageActivateResolveAndClose(String key, long owner) throws Exception {
		transition(key, "{\"to\": \"TRIAGED\", \"severity\": \"S1\", \"ownerId\": %d}".formatted(owner));
		for (String step : List.of("CREATE_CAP", "NOTIFY_STAKEHOLDERS", "SET_CADENCE")) {
			mvc.perform(as(post("/api/risks/{key}/triage-steps", key)).content("{\"step\": \"" + step + "\", \"note\": \"done\"}"))
				.andExpect(status().isOk());
		}
		transition(key, "{\"to\": \"ACTIVE\"}");
		transition(key, """
				{"to": "RESOLVED", "rootCause": "Pool too small", "preventionItems": [{"text": "Load test", "owner": "Olga Owner", "due": "%s"}]}"""
			.formatted(LocalDate.now(clock).plusDays(20)));
		transition(key, "{\"to\": \"CLOSED\", \"outcome\": \"RETAINED\", \"summary\": \"Fixed and renewed\"}");
	}

	private void transition(String key, String body) throws Exception {
		mvc.perform(as(post("/api/risks/{key}/transitions", key)).content(body)).andExpect(status().isOk());
	}

	private record Subscription(long id, String secret) {
	}

	private Subscription subscribe(String path, String... types) throws Exception {
		String body = mvc.perform(as(post("/api/admin/webhooks")).content("""
				{"url": "%s", "eventTypes": ["%s"]}""".formatted(receiver.url(path), String.join("\", \"", types))))
			.andExpect(status().isCreated())
			.andReturn().getResponse().getContentAsString();
		return new Subscription(((Number) JsonPath.read(body, "$.id")).longValue(), JsonPath.read(body, "$.secret"));
	}

	private List<Map<String, Object>> deliveries(long subscription) throws Exception {
		return JsonPath.read(admin(get("/api/admin/webhooks/{id}/deliveries", subscription)), "$");
	}

	private Map<String, Object> subscription(long id) throws Exception {
		return JsonPath.read(admin(get("/api/admin/webhooks/{id}", id)), "$");
	}

	private String admin(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(as(request)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private long person(String name) throws Exception {
		return id(as(post("/api/people")).content("""
				{"name": "%s", "email": "%s@test.example"}""".formatted(name, UUID.randomUUID())));
	}

	private long account(String name, long csm) throws Exception {
		return id(as(post("/api/accounts")).content("""
				{"name": "%s", "arr": {"amount": 480000, "currency": "USD"}, "renewalDate": "2027-06-30",
				 "segment": "ENTERPRISE", "country": "US", "timeZone": "America/Chicago", "team": {"CSM": %d}}"""
			.formatted(name, csm)));
	}

	private String risk(long account, String title) throws Exception {
		String body = mvc.perform(as(post("/api/risks")).content("""
				{"accountId": %d, "title": "%s", "category": "SUPPORT", "evidence": ["3 Sev-1 tickets"]}"""
			.formatted(account, title))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		return JsonPath.read(body, "$.key");
	}

	private long id(MockHttpServletRequestBuilder request) throws Exception {
		return ((Number) JsonPath.read(mvc.perform(request).andExpect(status().isCreated()).andReturn().getResponse()
			.getContentAsString(), "$.id")).longValue();
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request) {
		return request.with(httpBasic("admin", PASSWORD)).contentType(MediaType.APPLICATION_JSON);
	}

	record Request(Map<String, String> headers, String body) {

		String header(String name) {
			return headers.get(name.toLowerCase());
		}
	}

	/** Records every request; answers each path's scripted codes in turn (then 200), or too late for a slow path. */
	static final class Receiver {

		final HttpServer server;

		final List<Request> requests = new CopyOnWriteArrayList<>();

		final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

		final Map<String, Duration> delays = new ConcurrentHashMap<>();

		final Set<String> trickling = ConcurrentHashMap.newKeySet();

		Receiver() {
			try {
				server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
			server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
			server.createContext("/", exchange -> {
				String path = exchange.getRequestURI().getPath();
				String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
				Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
					.collect(Collectors.toMap(e -> e.getKey().toLowerCase(), e -> e.getValue().get(0), (a, b) -> a));
				requests.add(new Request(headers, body));
				Duration delay = delays.get(path);
				if (delay != null) {
					try {
						Thread.sleep(delay.toMillis());
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
				}
				if (trickling.contains(path)) {
					trickleAnswer(exchange);
					return;
				}
				List<Integer> script = answers.getOrDefault(path, List.of());
				int n = served.computeIfAbsent(path, p -> new AtomicInteger()).getAndIncrement();
				int code = n < script.size() ? script.get(n) : 200;
				byte[] answer = (code == 200 ? "ok" : "no thanks\n<html>" + "x".repeat(1000)).getBytes(StandardCharsets.UTF_8);
				try {
					exchange.sendResponseHeaders(code, answer.length);
					try (OutputStream out = exchange.getResponseBody()) {
						out.write(answer);
					}
				}
				catch (IOException ex) {
					// The sender gave up waiting: a timeout, as the test meant.
				}
			});
			server.start();
		}

		String url(String path) {
			return "http://localhost:" + server.getAddress().getPort() + path;
		}

		void answer(String path, Integer... codes) {
			served.remove(path);
			answers.put(path, List.of(codes));
		}

		void slow(String path, Duration delay) {
			delays.put(path, delay);
		}

		/** 200 at once, then a byte every 100 ms for 3 s: the headers come in time, the answer never does. */
		void trickle(String path) {
			trickling.add(path);
		}

		private static void trickleAnswer(com.sun.net.httpserver.HttpExchange exchange) {
			try (OutputStream out = exchange.getResponseBody()) {
				exchange.sendResponseHeaders(200, 0);
				for (int i = 0; i < 30; i++) {
					out.write('.');
					out.flush();
					Thread.sleep(100);
				}
			}
			catch (IOException ex) {
				// The sender gave up: as the test meant.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

		List<Request> about(String riskKey) {
			return requests.stream().filter(request -> request.body.contains("\"riskKey\":\"" + riskKey + "\"")).toList();
		}

	}

}
