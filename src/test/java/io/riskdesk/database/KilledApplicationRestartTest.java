package io.riskdesk.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.riskdesk.ApplicationProcess;
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

	private final List<ApplicationProcess> applications = new ArrayList<>();

	@TempDir
	Path work;

	@Test
	void restartsHealthyAfterKillMinusNine() throws Exception {
		Path data = work.resolve("postgres");
		ApplicationProcess first = start(data, work.resolve("first.log"));
		long leftover = postmaster(data);

		first.kill();
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

	private ApplicationProcess start(Path data, Path log) throws Exception {
		ApplicationProcess application = ApplicationProcess.start(log,
				List.of("--riskdesk.embedded-database.data-directory=" + data, "--riskdesk.demo.enabled=false"));
		applications.add(application);
		return application;
	}

	private static long postmaster(Path data) throws IOException {
		return Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
	}

	/** SIGTERM: a graceful stop, which also stops the embedded server. */
	@AfterEach
	void stopEverything() throws Exception {
		for (ApplicationProcess application : applications) {
			application.stop();
		}
		Path pidFile = work.resolve("postgres/postmaster.pid");
		if (Files.exists(pidFile)) {
			ProcessHandle.of(postmaster(work.resolve("postgres"))).ifPresent(ProcessHandle::destroyForcibly);
		}
	}

}
