package io.riskdesk.notification;

import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationTrigger;

/** Filters of the notification list; null means any. */
public record NotificationQuery(NotificationStatus status, String riskKey, NotificationTrigger trigger, Channel channel) {
}
