package io.riskdesk.webhook;

import java.time.Clock;
import java.time.Duration;

import io.riskdesk.core.OutboxMetrics;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The webhook outbox's backlog and failures for Prometheus ({@code riskdesk.webhooks.*}). */
@Component
class WebhookMetrics extends OutboxMetrics {

	WebhookMetrics(JdbcClient jdbc, Clock clock, @Value("${riskdesk.metrics.cache-for}") Duration cacheFor) {
		super(jdbc, clock, cacheFor, "webhook_delivery", "riskdesk.webhooks", "deliveries");
	}

}
