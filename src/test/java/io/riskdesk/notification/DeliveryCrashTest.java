package io.riskdesk.notification;

import java.time.Duration;
import java.util.Map;

import io.riskdesk.ApplicationProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with SIGKILL in the middle of a batch loses no message, and the node started after
 * it resends only the one message that was in flight at the kill (at the SMTP server, not yet
 * marked sent): the documented at-least-once window. Real processes, a real PostgreSQL and a real
 * SMTP server, which holds the 41st message so that the kill falls inside the window every time.
 */
class DeliveryCrashTest {

	private static final int BATCH = 400;

	private static final int KILLED_DURING = 41;

	/** Short, so that the message the dead node held is free again soon after the restart. */
	@RegisterExtension
	static final ApplicationNodes nodes = new ApplicationNodes(Duration.ofSeconds(5));

	@Test
	void everyMessageArrivesAndOnlyTheOneInFlightTwiceAfterKillMinusNine() throws Exception {
		ApplicationProcess first = nodes.startNode("first");
		ApplicationNodes.HeldMessage inFlight = nodes.holdMessage(KILLED_DURING);
		nodes.queueEmails(BATCH);

		String inFlightId = inFlight.awaitArrival(Duration.ofMinutes(2));
		first.kill();
		inFlight.release();

		Map<String, Integer> atKill = nodes.statuses();
		assertThat(atKill).as("killed in the middle of the batch, one message in flight")
			.containsEntry("SENT", KILLED_DURING - 1)
			.containsEntry("SENDING", 1)
			.containsEntry("PENDING", BATCH - KILLED_DURING);
		assertThat(nodes.status(inFlightId)).as("the message at the SMTP server is not marked sent").isEqualTo("SENDING");

		nodes.startNode("restarted");
		ApplicationNodes.await("the whole batch sent", Duration.ofMinutes(3),
				() -> nodes.statuses().equals(Map.of("SENT", BATCH)));

		Map<String, Long> received = nodes.receivedByMessageId();
		assertThat(received.keySet()).as("every message arrived")
			.containsExactlyInAnyOrderElementsOf(nodes.ids().stream().map(ApplicationNodes::messageId).toList());
		assertThat(ApplicationNodes.duplicates(received)).as("only the message in flight at the kill arrived again, once")
			.isEqualTo(Map.of(inFlightId, 2L));
		assertThat(nodes.highestAttempt()).as("no message needed more than a second attempt").isEqualTo(2);
	}

}
