package io.riskdesk.core;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;

/**
 * The thread of an outbox worker, the same for every outbox: one per node, started once the
 * application is ready, delivering one due item after another until none is due, then waiting
 * for a wake-up (a commit that queued something) or the poll interval (retries, other nodes'
 * leftovers). A graceful stop lets the item being sent finish and be marked. What an item is and
 * how it is claimed, sent and marked is the subclass's.
 */
public abstract class DeliveryLoop implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final String name;

	private final String switchProperty;

	private final boolean enabled;

	private final Duration pollInterval;

	private final Duration stopTimeout;

	private final Semaphore wakeUp = new Semaphore(0);

	private volatile boolean running;

	private Thread thread;

	/**
	 * @param name the thread's name, also in the log
	 * @param switchProperty the setting that turns delivery off, named in the log when it is off
	 * @param stopTimeout how long a graceful stop waits for the item being sent: its lease
	 */
	protected DeliveryLoop(String name, String switchProperty, boolean enabled, Duration pollInterval,
			Duration stopTimeout) {
		this.name = name;
		this.switchProperty = switchProperty;
		this.enabled = enabled;
		this.pollInterval = pollInterval;
		this.stopTimeout = stopTimeout;
	}

	/** Claims, sends and marks one due item; false when none is due. */
	protected abstract boolean deliverNext();

	/** Runs after every pass that found nothing more due, before the wait. */
	protected void afterPass() {
	}

	/** Makes the loop look for due items now instead of at the next poll. */
	protected void wakeUp() {
		wakeUp.release();
	}

	/**
	 * Starts once the application is ready, not at refresh: the start-up runners (the demo data
	 * among them) record their own history first, and a delivery must not race them to it.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void startWhenReady() {
		start();
	}

	@Override
	public boolean isAutoStartup() {
		return false;
	}

	@Override
	public synchronized void start() {
		if (running) {
			return;
		}
		if (!enabled) {
			log.info("{} is off on this node ({}=false)", name, switchProperty);
			return;
		}
		running = true;
		thread = new Thread(this::loop, name);
		thread.setDaemon(true);
		thread.start();
	}

	/** Lets the item being sent finish and be marked; a graceful stop leaves nothing in the window. */
	@Override
	public void stop() {
		running = false;
		if (thread != null) {
			wakeUp.release();
			try {
				thread.join(stopTimeout.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before the web server and the scheduler. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 1000;
	}

	private void loop() {
		while (running) {
			try {
				while (running && deliverNext()) {
					// one item at a time until none is due
				}
				afterPass();
				wakeUp.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
				wakeUp.drainPermits();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (RuntimeException ex) {
				// The database may be away for a moment; the loop tries again at the next poll.
				log.warn("{} pass failed: {}", name, ex.toString());
				sleepQuietly();
			}
		}
	}

	private void sleepQuietly() {
		try {
			Thread.sleep(pollInterval.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running = false;
		}
	}

	/** The wait after the given failed attempt (1-based): {@code initial}, doubled each time, capped at {@code max}. */
	public static Duration backoff(Duration initial, Duration max, int attempt) {
		Duration wait = initial;
		for (int i = 1; i < attempt && wait.compareTo(max) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return wait.compareTo(max) > 0 ? max : wait;
	}

}
