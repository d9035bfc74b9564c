package io.riskdesk.notification;

import java.time.Clock;
import java.time.Duration;

import io.riskdesk.core.OutboxMetrics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The notification outbox's backlog and failures for Prometheus ({@code riskdesk.notifications.*}). */
@Component
class NotificationMetrics extends OutboxMetrics {

	NotificationMetrics(JdbcClient jdbc, Clock clock, @Value("${riskdesk.metrics.cache-for}") Duration cacheFor) {
		super(jdbc, clock, cacheFor, "notification", "riskdesk.notifications", "messages");
	}

}
