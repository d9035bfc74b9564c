package io.riskdesk.database;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import io.riskdesk.RiskdeskApplication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Riskdesk killed with SIGKILL leaves its embedded PostgreSQL running on the data directory. The
 * next start stops that server cleanly, says so, and comes up healthy without anyone's help.
 * Runs the application as a separate JVM, because only a real process can be killed like that.
 */
class KilledApplicationRestartTest {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final List<Process> applications = new ArrayList<>();

	@TempDir
	Path work;

	@Test
	void restartsHealthyAfterKillMinusNine() throws Exception {
		Path data = work.resolve("postgres");
		Process first = start(data, work.resolve("first.log"));
		long leftover = postmaster(data);

		first.destroyForcibly().waitFor();
		assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive))
			.as("the killed application's PostgreSQL survives it")
			.contains(true);

		start(data, work.resolve("second.log"));
		assertThat(ProcessHandle.of(leftover).map(ProcessHandle::isAlive).orElse(false))
			.as("the earlier server was stopped")
			.isFalse();
		assertThat(Files.readString(work.resolve("second.log")))
			.contains("from an earlier Riskdesk that did not shut down is still running on " + data)
			.contains("Stopped the earlier PostgreSQL server")
			.doesNotContain("Connection refused");
	}

	/** Starts Riskdesk on a free port and waits until its health check answers UP. */
	private Process start(Path data, Path log) throws Exception {
		int port = freePort();
		Process application = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", applicationClassPath(), RiskdeskApplication.class.getName(), "--server.port=" + port,
				"--riskdesk.embedded-database.data-directory=" + data, "--riskdesk.demo.enabled=false")
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		applications.add(application);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		while (!healthy(port)) {
			assertThat(application.isAlive()).as("Riskdesk is running (log: %s)", log).isTrue();
			assertThat(System.nanoTime()).as("Riskdesk healthy within %s (log: %s)", START_TIMEOUT, log).isLessThan(deadline);
			Thread.sleep(250);
		}
		return application;
	}

	private boolean healthy(int port) throws InterruptedException {
		try {
			HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
				.timeout(Duration.ofSeconds(5))
				.build(), HttpResponse.BodyHandlers.ofString());
			return response.statusCode() == 200 && response.body().contains("\"UP\"");
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The test's class path without the test classes, whose configuration is not the application's. */
	private static String applicationClassPath() {
		return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
			.filter(entry -> !entry.endsWith("test-classes"))
			.collect(Collectors.joining(File.pathSeparator));
	}

	private static long postmaster(Path data) throws IOException {
		return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** SIGTERM: a graceful stop, which also stops the embedded server. */
	@AfterEach
	void stopEverything() throws Exception {
		for (Process application : applications) {
			application.destroy();
			application.waitFor();
		}
		Path pidFile = work.resolve("postgres/postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(postmaster(work.resolve("postgres"))).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

}
