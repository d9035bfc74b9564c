package io.riskdesk.webhook;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.riskdesk.ApplicationProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with SIGKILL while a receiver holds one of its deliveries loses none: the node
 * started after it sends the rest, and only the one in flight at the kill arrives twice, with the
 * same Riskdesk-Delivery id for the receiver to drop. Real processes, a real PostgreSQL, a real
 * HTTP receiver in this JVM, which outlives the node.
 */
class WebhookCrashTest {

	private static final int BATCH = 60;

	private static final int KILLED_DURING = 11;

	@Test
	void everyDeliveryArrivesAndOnlyTheOneInFlightTwiceAfterKillMinusNine() throws Exception {
		Path logs = Files.createTempDirectory("riskdesk-webhook-nodes");
		HttpServer receiver = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
		AtomicInteger count = new AtomicInteger();
		CountDownLatch held = new CountDownLatch(1);
		CountDownLatch released = new CountDownLatch(1);
		String[] heldId = new String[1];
		receiver.setExecutor(Executors.newCachedThreadPool());
		receiver.createContext("/", exchange -> {
			exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("Riskdesk-Delivery");
			received.computeIfAbsent(id, key -> new AtomicInteger()).incrementAndGet();
			if (count.incrementAndGet() == KILLED_DURING) {
				heldId[0] = id;
				held.countDown();
				await(released);
			}
			try {
				exchange.sendResponseHeaders(200, 2);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write("ok".getBytes());
				}
			}
			catch (IOException ex) {
				// the node that sent it is gone
			}
		});
		receiver.start();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
			List<String> arguments = List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
					"--riskdesk.demo.enabled=false", "--riskdesk.notifications.delivery.enabled=false",
					"--riskdesk.webhooks.delivery.poll-interval=200ms", "--riskdesk.webhooks.delivery.read-timeout=60s",
					"--riskdesk.webhooks.delivery.lease=90s");
			ApplicationProcess first = ApplicationProcess.start(logs.resolve("first.log"), arguments);
			queue(jdbc, "http://localhost:" + receiver.getAddress().getPort() + "/hook");

			assertThat(held.await(2, TimeUnit.MINUTES)).as("delivery %d arrived (log: %s)", KILLED_DURING, first.log()).isTrue();
			first.kill();
			released.countDown();
			assertThat(statuses(jdbc)).as("killed in the middle of the batch")
				.isEqualTo(Map.of("DELIVERED", KILLED_DURING - 1, "SENDING", 1, "PENDING", BATCH - KILLED_DURING));

			// The lease of the delivery in flight runs out while the new node waits for it.
			jdbc.sql("update webhook_delivery set lease_until = now() where status = 'SENDING'").update();
			ApplicationProcess restarted = ApplicationProcess.start(logs.resolve("restarted.log"), arguments);
			try {
				long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
				while (!statuses(jdbc).equals(Map.of("DELIVERED", BATCH))) {
					assertThat(System.nanoTime()).as("the whole batch delivered (log: %s)", restarted.log()).isLessThan(deadline);
					Thread.sleep(100);
				}
			}
			finally {
				restarted.stop();
			}
			assertThat(received).hasSize(BATCH);
			assertThat(received.entrySet().stream().filter(entry -> entry.getValue().get() > 1).map(Map.Entry::getKey))
				.as("only the delivery in flight at the kill arrived again").containsExactly(heldId[0]);
			assertThat(received.get(heldId[0]).get()).isEqualTo(2);
		}
		finally {
			receiver.stop(0);
		}
	}

	/** A subscription and a batch of its deliveries, as the triggers would have queued them, in one transaction. */
	private static void queue(JdbcClient jdbc, String url) {
		jdbc.sql("""
				with subscription as (
				  insert into webhook_subscription (url, event_types, secret, created_at, updated_at)
				  values (:url, '{RISK_OPENED}', 'a-secret-for-the-crash-test', now(), now()) returning id)
				insert into webhook_delivery (id, subscription_id, event_id, event_type, payload, next_attempt_at, created_at)
				select gen_random_uuid(), subscription.id, 'evt_' || i, 'RISK_OPENED', '{"n": ' || i || '}', now(), now()
				from subscription, generate_series(1, :count) i""")
			.param("url", url)
			.param("count", BATCH)
			.update();
	}

	private static Map<String, Integer> statuses(JdbcClient jdbc) {
		return jdbc.sql("select status, count(*)::int as n from webhook_delivery group by status")
			.query((rs, row) -> Map.entry(rs.getString("status"), rs.getInt("n")))
			.list()
			.stream()
			.collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(1, TimeUnit.MINUTES);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
