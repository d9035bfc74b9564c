package io.riskdesk.web;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The first thing a stop does: wait {@code riskdesk.shutdown.drain-delay} while the node still
 * serves but its readiness (/actuator/health/readiness) already answers OUT_OF_SERVICE, so the
 * load balancer's health check takes it out before the web server stops taking requests. The
 * graceful shutdown that follows finishes the requests already in flight.
 */
@Component
class ShutdownDrain implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ShutdownDrain.class);

	private final Duration delay;

	private volatile boolean running;

	ShutdownDrain(@Value("${riskdesk.shutdown.drain-delay:0s}") Duration delay) {
		this.delay = delay;
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		running = false;
		if (delay.isZero()) {
			return;
		}
		log.info("Shutting down: readiness is OUT_OF_SERVICE; still serving for {} while the load balancer notices", delay);
		try {
			Thread.sleep(delay.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	/** Stops before everything else: the web server, the outbox workers and the scheduler still run meanwhile. */
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE;
	}

}
