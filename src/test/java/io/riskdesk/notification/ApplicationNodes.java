package io.riskdesk.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.MessageDeliveryHandler;
import com.icegreen.greenmail.user.UserException;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.riskdesk.ApplicationProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Riskdesk nodes as separate JVMs sharing one PostgreSQL and one SMTP server (GreenMail), both
 * running in the test's JVM so that they outlive any node the test kills. Registered as a static
 * extension: the database and the mail server live for the class, nodes for one test (stopped
 * with SIGTERM after it), and a failed test prints the nodes' logs.
 */
final class ApplicationNodes implements BeforeAllCallback, AfterEachCallback, AfterAllCallback, TestWatcher {

	private static final int LOG_LINES_ON_FAILURE = 150;

	private final Duration lease;

	private final List<ApplicationProcess> nodes = new ArrayList<>();

	private EmbeddedPostgres postgres;

	private GreenMail mail;

	private JdbcClient jdbc;

	private Path logs;

	/** {@code lease}: how long a node's claim on a message lasts before another node may send it. */
	ApplicationNodes(Duration lease) {
		this.lease = lease;
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		logs = Files.createTempDirectory("riskdesk-nodes");
		postgres = EmbeddedPostgres.builder().start();
		jdbc = JdbcClient.create(postgres.getPostgresDatabase());
		mail = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
		mail.start();
	}

	/** Starts a node on the shared database and mail server and waits until it is healthy. */
	ApplicationProcess startNode(String name) throws IOException, InterruptedException {
		ApplicationProcess node = ApplicationProcess.start(logs.resolve(name + ".log"), List.of(
				"--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
				"--riskdesk.demo.enabled=false", "--spring.mail.host=localhost",
				"--spring.mail.port=" + mail.getSmtp().getPort(),
				// A stalled send must not hold the node's worker for ever.
				"--spring.mail.properties.mail.smtp.connectiontimeout=5000",
				"--spring.mail.properties.mail.smtp.timeout=5000",
				"--riskdesk.notifications.delivery.lease=" + lease.toMillis() + "ms",
				"--riskdesk.notifications.delivery.poll-interval=200ms",
				"--riskdesk.notifications.delivery.initial-backoff=1s"));
		nodes.add(node);
		return node;
	}

	/**
	 * Fills the outbox as a trigger would have, with {@code count} e-mails "msg 1" .. "msg count"
	 * to recipient-i@test.example, in one transaction, so every node sees the whole batch at once.
	 */
	void queueEmails(int count) {
		jdbc.sql("""
				insert into notification (idempotency_key, trigger, occurrence, channel, recipient_key, recipient_name,
				  address, template, subject, text_body, next_attempt_at, created_at)
				select 'batch:msg-' || i, 'WEEKLY_DIGEST', 'batch', 'EMAIL', 'recipient-' || i, 'Recipient ' || i,
				  'recipient-' || i || '@test.example', 'weekly-digest', 'msg ' || i, 'Body of msg ' || i, now(), now()
				from generate_series(1, :count) i""")
			.param("count", count)
			.update();
	}

	/**
	 * Makes the SMTP server hold the {@code n}th message it receives, before it answers the sender
	 * that it took it: a node killed meanwhile has sent that message and cannot have marked it.
	 */
	HeldMessage holdMessage(int n) {
		HeldMessage held = new HeldMessage(n, mail.getUserManager().getMessageDeliveryHandler());
		mail.getUserManager().setMessageDeliveryHandler(held);
		return held;
	}

	/** The {@code n}th message, once it arrives: kept from the sender until released (or for a minute). */
	static final class HeldMessage implements MessageDeliveryHandler {

		private final int n;

		private final MessageDeliveryHandler delivery;

		private final AtomicInteger count = new AtomicInteger();

		private final CountDownLatch arrived = new CountDownLatch(1);

		private final CountDownLatch released = new CountDownLatch(1);

		private volatile String messageId;

		private HeldMessage(int n, MessageDeliveryHandler delivery) {
			this.n = n;
			this.delivery = delivery;
		}

		@Override
		public GreenMailUser handle(MovingMessage message, MailAddress recipient) throws MessagingException, UserException {
			if (count.incrementAndGet() == n) {
				messageId = message.getMessage().getMessageID();
				arrived.countDown();
				try {
					released.await(1, TimeUnit.MINUTES);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}
			return delivery.handle(message, recipient);
		}

		/** Waits until the message is at the server; its Message-ID. */
		String awaitArrival(Duration timeout) throws InterruptedException {
			assertThat(arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS)).as("message %d arrived within %s", n, timeout)
				.isTrue();
			return messageId;
		}

		/** The server keeps the message (and answers a sender that may be gone). */
		void release() {
			released.countDown();
		}

	}

	/** The status of the message with this Message-ID. */
	String status(String messageId) {
		long id = ids().stream().filter(row -> messageId(row).equals(messageId)).findFirst().orElseThrow();
		return jdbc.sql("select status from notification where id = :id")
			.param("id", id)
			.query(String.class)
			.single();
	}

	/** How many outbox rows have each status. */
	Map<String, Integer> statuses() {
		return jdbc.sql("select status, count(*)::int as n from notification group by status")
			.query((rs, row) -> Map.entry(rs.getString("status"), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, TreeMap::new));
	}

	int highestAttempt() {
		return jdbc.sql("select coalesce(max(attempts), 0) from notification").query(Integer.class).single();
	}

	/** How many messages each node marked sent, by its process id ({@code sent_by_node} is the JVM's "pid@host"). */
	Map<Long, Integer> sentByNode() {
		return jdbc.sql("""
				select split_part(sent_by_node, '@', 1)::bigint as pid, count(*)::int as n from notification
				where status = 'SENT' group by pid""")
			.query((rs, row) -> Map.entry(rs.getLong("pid"), rs.getInt("n")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, TreeMap::new));
	}

	/** The outbox ids, which the Message-IDs of the mail are made from. */
	List<Long> ids() {
		return jdbc.sql("select id from notification order by id").query(Long.class).list();
	}

	int receivedCount() {
		return mail.getReceivedMessages().length;
	}

	/** How often each Message-ID arrived at the SMTP server. */
	Map<String, Long> receivedByMessageId() {
		return List.of(mail.getReceivedMessages())
			.stream()
			.collect(Collectors.groupingBy(ApplicationNodes::messageId, TreeMap::new, Collectors.counting()));
	}

	/** The Message-IDs that arrived more than once, with how often. */
	static Map<String, Long> duplicates(Map<String, Long> receivedByMessageId) {
		return receivedByMessageId.entrySet()
			.stream()
			.filter(received -> received.getValue() > 1)
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Long::sum, TreeMap::new));
	}

	/** The Message-ID MailChannel gives the outbox row {@code id}, with the default from-address. */
	static String messageId(long id) {
		return "<notification-" + id + ".riskdesk@localhost>";
	}

	/** Waits for the condition, checking every 50 ms; fails after the timeout. */
	static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("%s within %s", what, timeout).isLessThan(deadline);
			Thread.sleep(50);
		}
	}

	private static String messageId(MimeMessage message) {
		try {
			return message.getMessageID();
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void testFailed(ExtensionContext context, Throwable cause) {
		try (var files = Files.list(logs)) {
			for (Path log : files.sorted().toList()) {
				List<String> lines = Files.readAllLines(log);
				System.out.println("==== " + log.getFileName() + " (last " + LOG_LINES_ON_FAILURE + " lines) ====");
				lines.subList(Math.max(0, lines.size() - LOG_LINES_ON_FAILURE), lines.size()).forEach(System.out::println);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** SIGTERM to every node still running: a graceful stop. */
	@Override
	public void afterEach(ExtensionContext context) throws InterruptedException {
		for (ApplicationProcess node : nodes) {
			node.stop();
		}
		nodes.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (mail != null) {
			mail.stop();
		}
		if (postgres != null) {
			postgres.close();
		}
		FileSystemUtils.deleteRecursively(logs);
	}

}
