package io.riskdesk.notification;

import java.time.Instant;
import java.util.Map;

import io.riskdesk.playbook.NotificationTrigger;

/**
 * One firing of a trigger on a risk: {@code occurrence} tells it apart from other firings of the
 * same trigger (a clock's due instant, a milestone and its due date), so that the same fact seen
 * twice queues nothing new. {@code details} are the facts the message shows beyond the risk's own.
 */
record TriggerEvent(NotificationTrigger trigger, String riskKey, String occurrence, Instant at,
		Map<String, Object> details, Long milestoneOwnerId) {

	TriggerEvent(NotificationTrigger trigger, String riskKey, String occurrence, Instant at, Map<String, Object> details) {
		this(trigger, riskKey, occurrence, at, details, null);
	}

}
