package io.riskdesk.notification;

import java.time.Duration;
import java.util.Map;

import io.riskdesk.ApplicationProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A node killed with SIGKILL in the middle of a batch loses no message, and the node started after
 * it resends at most the one message that was in flight at the kill (sent, not yet marked): the
 * documented at-least-once window. Real processes, a real PostgreSQL and a real SMTP server.
 */
class DeliveryCrashTest {

	private static final int BATCH = 400;

	/** Short, so that the message the dead node held is free again soon after the restart. */
	@RegisterExtension
	static final ApplicationNodes nodes = new ApplicationNodes(Duration.ofSeconds(5));

	@Test
	void everyMessageArrivesAndAtMostOneTwiceAfterKillMinusNine() throws Exception {
		ApplicationProcess first = nodes.startNode("first");
		nodes.queueEmails(BATCH);

		ApplicationNodes.await("some of the batch delivered", Duration.ofMinutes(2), () -> nodes.receivedCount() >= 40);
		first.kill();

		Map<String, Integer> atKill = nodes.statuses();
		assertThat(atKill.getOrDefault("PENDING", 0) + atKill.getOrDefault("SENDING", 0))
			.as("the kill came in the middle of the batch: %s", atKill)
			.isPositive();
		assertThat(atKill.getOrDefault("SENDING", 0)).as("one node, one message in flight: %s", atKill).isLessThanOrEqualTo(1);

		nodes.startNode("restarted");
		ApplicationNodes.await("the whole batch sent", Duration.ofMinutes(3),
				() -> nodes.statuses().equals(Map.of("SENT", BATCH)));

		Map<String, Long> received = nodes.receivedByMessageId();
		Map<String, Long> duplicates = ApplicationNodes.duplicates(received);
		System.out.printf("Killed with %s; arrived more than once: %s%n", atKill, duplicates);
		assertThat(received.keySet()).as("every message arrived")
			.containsExactlyInAnyOrderElementsOf(nodes.ids().stream().map(ApplicationNodes::messageId).toList());
		assertThat(duplicates).as("at most the message in flight at the kill arrived again, once")
			.hasSizeLessThanOrEqualTo(1)
			.allSatisfy((messageId, times) -> assertThat(times).isEqualTo(2));
		assertThat(nodes.highestAttempt()).as("no message needed more than a second attempt").isLessThanOrEqualTo(2);
	}

}
