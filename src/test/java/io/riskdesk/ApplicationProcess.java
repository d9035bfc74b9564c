package io.riskdesk;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Riskdesk as a separate JVM on the test's class path, on a free port, its output in a log file:
 * for tests that need a real process to kill with SIGKILL or several nodes at once.
 */
public final class ApplicationProcess {

	private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Process process;

	private final int port;

	private final Path log;

	private ApplicationProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/** Starts Riskdesk with the given arguments and waits until its health check answers UP. */
	public static ApplicationProcess start(Path log, List<String> arguments) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx512m", "-cp", applicationClassPath(), RiskdeskApplication.class.getName(), "--server.port=" + port));
		command.addAll(arguments);
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ApplicationProcess application = new ApplicationProcess(process, port, log);
		long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
		try {
			while (!application.healthy()) {
				assertThat(process.isAlive()).as("Riskdesk is running (log: %s)", log).isTrue();
				assertThat(System.nanoTime()).as("Riskdesk healthy within %s (log: %s)", START_TIMEOUT, log)
					.isLessThan(deadline);
				Thread.sleep(250);
			}
		}
		catch (AssertionError | InterruptedException ex) {
			process.destroyForcibly().waitFor();
			throw ex;
		}
		return application;
	}

	public long pid() {
		return process.pid();
	}

	public Path log() {
		return log;
	}

	/** SIGKILL: no shutdown hook, no graceful stop, exactly like a crash. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	/** SIGTERM: a graceful stop; waits for it. */
	public void stop() throws InterruptedException {
		process.destroy();
		process.waitFor();
	}

	private boolean healthy() throws InterruptedException {
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

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
