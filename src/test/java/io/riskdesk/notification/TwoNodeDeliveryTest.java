package io.riskdesk.notification;

import java.time.Duration;
import java.util.Map;

import io.riskdesk.ApplicationProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL deliver one batch together: each message arrives exactly once,
 * because a claim takes its row with SKIP LOCKED and no node dies to leave one in the window.
 */
class TwoNodeDeliveryTest {

	private static final int BATCH = 300;

	/** Long enough that no send, however slow on a busy machine, outlives its claim. */
	@RegisterExtension
	static final ApplicationNodes nodes = new ApplicationNodes(Duration.ofSeconds(60));

	@Test
	void eachMessageArrivesExactlyOnce() throws Exception {
		ApplicationProcess first = nodes.startNode("first");
		ApplicationProcess second = nodes.startNode("second");
		nodes.queueEmails(BATCH);

		ApplicationNodes.await("the whole batch sent", Duration.ofMinutes(3),
				() -> nodes.statuses().equals(Map.of("SENT", BATCH)));

		Map<String, Long> received = nodes.receivedByMessageId();
		assertThat(received.keySet()).as("every message arrived")
			.containsExactlyInAnyOrderElementsOf(nodes.ids().stream().map(ApplicationNodes::messageId).toList());
		assertThat(ApplicationNodes.duplicates(received)).as("messages that arrived more than once").isEmpty();
		assertThat(nodes.highestAttempt()).as("every message was sent at the first attempt").isEqualTo(1);

		Map<Long, Integer> sentByNode = nodes.sentByNode();
		System.out.printf("Two nodes shared %d messages: %s%n", BATCH, sentByNode);
		// Both were up before the batch, which takes seconds while each looks every 200 ms: both take some.
		assertThat(sentByNode.keySet()).as("sent by both nodes").containsExactlyInAnyOrder(first.pid(), second.pid());
	}

}
