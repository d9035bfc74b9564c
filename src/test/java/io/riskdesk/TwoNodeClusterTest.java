package io.riskdesk;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.riskdesk.web.RawHttp;
import io.riskdesk.web.RawHttp.Answer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two Riskdesk nodes in this JVM on one fresh PostgreSQL with demo mode on, started together as a
 * load balancer's pool would be: start-up work (the demo data, its users) is done once, a recurring job runs on one node per
 * execution, a UI session from one node is honoured by the other, readiness is for the load
 * balancer and a stopping node drains.
 */
@Tag("own-jvm") // two whole applications beside the suite's contexts (pom.xml)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterTest {

	/** Each run of the probe task: its scheduled execution time and the nodes that ran it. */
	private static final Map<Instant, List<String>> probeRuns = new ConcurrentHashMap<>();

	private static EmbeddedPostgres database;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startTwoNodesAtOnce() throws Exception {
		database = EmbeddedPostgres.builder().start();
		// The second starts once the first has set up logging (two at once would each add their appenders),
		// some 30 s before either reaches its start-up work.
		CountDownLatch loggingReady = new CountDownLatch(1);
		CompletableFuture<ConfigurableApplicationContext> a = CompletableFuture
			.supplyAsync(() -> node("first", loggingReady::countDown));
		assertThat(loggingReady.await(2, TimeUnit.MINUTES)).isTrue();
		CompletableFuture<ConfigurableApplicationContext> b = CompletableFuture.supplyAsync(() -> node("second", () -> {
		}));
		first = a.get(5, TimeUnit.MINUTES);
		second = b.get(5, TimeUnit.MINUTES);
	}

	@AfterAll
	static void stop() throws IOException {
		for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] { first, second }) {
			if (node != null) {
				node.close();
			}
		}
		if (database != null) {
			database.close();
		}
	}

	@Test
	@Order(1)
	void startUpWorkIsDoneOnceWhenBothNodesStartTogether() {
		JdbcClient jdbc = first.getBean(JdbcClient.class);
		assertThat(jdbc.sql("select count(*) from account").query(Long.class).single()).as("demo accounts loaded")
			.isPositive()
			.isEqualTo(jdbc.sql("select count(distinct lower(name)) from account").query(Long.class).single());
		assertThat(jdbc.sql("select count(*) from person").query(Long.class).single())
			.isEqualTo(jdbc.sql("select count(distinct lower(email)) from person").query(Long.class).single());
		assertThat(jdbc.sql("select count(*) from app_user where role = 'ADMIN'").query(Long.class).single()).isEqualTo(1);
	}

	@Test
	@Order(2)
	void aRecurringJobRunsOnceAcrossBothNodes() {
		await().atMost(Duration.ofSeconds(60)).until(() -> probeRuns.size() >= 5);
		probeRuns.forEach((executionTime, nodes) -> assertThat(nodes).as("nodes that ran the probe due %s", executionTime)
			.hasSize(1));
		System.out.printf("Probe runs by node: %s%n", probeRuns.values()
			.stream()
			.collect(Collectors.groupingBy(nodes -> nodes.get(0), Collectors.counting())));
	}

	@Test
	@Order(3)
	void aSessionSignedInOnOneNodeIsHonouredOnTheOther() throws IOException {
		RawHttp nodeA = new RawHttp(port(first));
		RawHttp nodeB = new RawHttp(port(second));
		Answer form = nodeA.send("GET", "/login", Map.of());
		String anonymous = cookie(form);
		Answer signedIn = nodeA.send("POST", "/login", Map.of("Cookie", anonymous, "Content-Type",
				"application/x-www-form-urlencoded"), "username=admin&password=demo&_csrf="
						+ URLEncoder.encode(csrf(form.body(), "name=\"_csrf\" value=\"([^\"]+)\""), StandardCharsets.UTF_8));
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).doesNotContain("error");
		String session = cookie(signedIn);
		assertThat(session).as("a new session id at sign-in (session fixation)").startsWith("SESSION=").isNotEqualTo(anonymous);

		Answer page = nodeB.send("GET", "/playbook", Map.of("Cookie", session));
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("Administrator");
		assertThat(nodeB.send("GET", "/playbook", Map.of("Cookie", anonymous)).status())
			.as("the id from before sign-in is not signed in anywhere").isEqualTo(302);

		// The CSRF token lives in the session too: one that node B rendered is good on node A.
		String token = csrf(page.body(), "name=\"_csrf\" content=\"([^\"]+)\"");
		assertThat(nodeA.send("POST", "/logout", Map.of("Cookie", session)).status()).as("sign-out without the token")
			.isEqualTo(403);
		Answer signedOut = nodeA.send("POST", "/logout", Map.of("Cookie", session, "Content-Type",
				"application/x-www-form-urlencoded"), "_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
		assertThat(signedOut.header("Location")).endsWith("/login?logout");
		Answer afterSignOut = nodeB.send("GET", "/playbook", Map.of("Cookie", session));
		assertThat(afterSignOut.status()).isEqualTo(302);
		assertThat(afterSignOut.header("Location")).endsWith("/login");
	}

	@Test
	@Order(4)
	void theSessionCookieIsSecureWhenTheLoadBalancerSaysTheBrowserUsedHttps() throws IOException {
		RawHttp node = new RawHttp(port(first));
		assertThat(node.send("GET", "/login", Map.of("X-Forwarded-Proto", "https", "X-Forwarded-For", "203.0.113.7"))
			.header("Set-Cookie")).contains("Secure");
		assertThat(node.send("GET", "/login", Map.of()).header("Set-Cookie")).doesNotContain("Secure");
	}

	@Test
	@Order(5)
	void readinessAndLivenessAnswerWithoutCredentials() throws IOException {
		RawHttp node = new RawHttp(port(first));
		for (String probe : List.of("/actuator/health/readiness", "/actuator/health/liveness")) {
			Answer answer = node.send("GET", probe, Map.of());
			assertThat(answer.status()).as(probe).isEqualTo(200);
			assertThat(answer.body()).as(probe).contains("\"status\":\"UP\"");
		}
	}

	/** Last: it stops the second node. */
	@Test
	@Order(6)
	void aStoppingNodeIsOutOfServiceAtOnceAndServesWhileItDrains() throws Exception {
		RawHttp node = new RawHttp(port(second));
		CompletableFuture<Void> stopping = CompletableFuture.runAsync(second::close);
		await().atMost(Duration.ofSeconds(10))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> node.send("GET", "/actuator/health/readiness", Map.of()).status() == 503);
		assertThat(node.send("GET", "/actuator/health/liveness", Map.of()).status()).as("still serving while it drains")
			.isEqualTo(200);
		stopping.get(60, TimeUnit.SECONDS);
		assertThat(refused(node)).as("the web server has stopped").isTrue();
	}

	private static boolean refused(RawHttp node) throws IOException {
		try {
			node.send("GET", "/actuator/health/liveness", Map.of());
			return false;
		}
		catch (ConnectException ex) {
			return true;
		}
	}

	private static String cookie(Answer answer) {
		assertThat(answer.header("Set-Cookie")).as("a session cookie").isNotNull();
		return answer.header("Set-Cookie").split(";")[0];
	}

	private static String csrf(String html, String pattern) {
		Matcher token = Pattern.compile(pattern).matcher(html);
		assertThat(token.find()).as("a CSRF token in the page").isTrue();
		return token.group(1);
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static ConfigurableApplicationContext node(String name, Runnable whenPrepared) {
		return new SpringApplicationBuilder(RiskdeskApplication.class, ProbeTask.class)
			.listeners((ApplicationListener<ApplicationPreparedEvent>) event -> whenPrepared.run())
			.run("--server.port=0",
				"--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
				"--spring.datasource.username=postgres", "--riskdesk.demo.enabled=true",
				"--riskdesk.detection.scheduled=false",
				"--riskdesk.notifications.outbox-directory=target/two-node-outbox", "--riskdesk.shutdown.drain-delay=2s",
				"--db-scheduler.polling-interval=200ms", "--probe.node=" + name);
	}

	/** A recurring task every node registers, as every real one is: it notes which node ran which execution. */
	@Configuration(proxyBeanMethods = false)
	static class ProbeTask {

		@Bean
		Task<Void> clusterProbe(@Value("${probe.node}") String node) {
			return Tasks.recurring("cluster-probe", FixedDelay.ofSeconds(1))
				.execute((instance, context) -> probeRuns
					.computeIfAbsent(context.getExecution().executionTime, time -> new CopyOnWriteArrayList<>())
					.add(node));
		}

	}

}
