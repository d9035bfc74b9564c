package io.riskdesk.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The {@code webhook_delivery} and {@code webhook_attempt} tables. Deliveries are added in the
 * transaction of the fact that causes them, one per matching enabled subscription, and claimed one
 * at a time with {@code FOR UPDATE SKIP LOCKED}; a claim is a lease another node may take over
 * once it runs out. A disabled subscription's deliveries wait until it is enabled again.
 */
@Repository
class WebhookOutbox {

	private static final String COLUMNS = """
			id, subscription_id, event_id, event_type, risk_key, status, attempts, response_code, last_error, created_at,
			next_attempt_at, delivered_at""";

	private final JdbcClient jdbc;

	WebhookOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** An event to send: {@code id} is the same for every subscription and every time the same fact is seen. */
	record Event(String id, WebhookEventType type, String riskKey, String payload) {
	}

	/**
	 * A claimed delivery with what the sender needs; {@code attempt} counts from 1, and
	 * {@code leaseUntil} is this claim's own (the outcome is recorded only while it stands).
	 */
	record Outgoing(UUID id, long subscriptionId, int attempt, WebhookEventType type, String payload, String url,
			String secret, Instant leaseUntil) {

		/** Without the secret: a claimed delivery may end up in a log line. */
		@Override
		public String toString() {
			return "Outgoing[id=" + id + ", subscriptionId=" + subscriptionId + ", attempt=" + attempt + ", type=" + type
					+ ", url=" + url + "]";
		}
	}

	/** Queues the event for every enabled subscription that wants its type, once per subscription; how many were queued. */
	int add(Event event, Instant now) {
		return jdbc.sql("""
				insert into webhook_delivery (id, subscription_id, event_id, event_type, risk_key, payload, next_attempt_at,
				  created_at)
				select gen_random_uuid(), id, :event, :type, :risk, :payload, :now, :now from webhook_subscription
				where enabled and :type = any(event_types)
				on conflict (subscription_id, event_id) do nothing""")
			.param("event", event.id())
			.param("type", event.type().name())
			.param("risk", event.riskKey())
			.param("payload", event.payload())
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * Takes the oldest due delivery of an enabled subscription (pending and due, or being sent by a
	 * node whose lease ran out) for this node until {@code leaseUntil}, counting the attempt.
	 */
	Optional<Outgoing> claim(Instant now, Instant leaseUntil, String node) {
		return jdbc.sql("""
				update webhook_delivery d set status = 'SENDING', attempts = d.attempts + 1, lease_until = :leaseUntil,
				  sent_by_node = :node
				from webhook_subscription s
				where s.id = d.subscription_id
				  and d.id = (select due.id from webhook_delivery due
				              join webhook_subscription owner on owner.id = due.subscription_id and owner.enabled
				              where (due.status = 'PENDING' and due.next_attempt_at <= :now)
				                 or (due.status = 'SENDING' and due.lease_until <= :now)
				              order by due.next_attempt_at, due.id
				              limit 1
				              for update of due skip locked)
				returning d.id, d.subscription_id, d.attempts, d.event_type, d.payload, s.url, s.secret, d.lease_until""")
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("node", node)
			.query((rs, row) -> new Outgoing(rs.getObject("id", UUID.class), rs.getLong("subscription_id"),
					rs.getInt("attempts"), WebhookEventType.valueOf(rs.getString("event_type")), rs.getString("payload"),
					rs.getString("url"), rs.getString("secret"), rs.getTimestamp("lease_until").toInstant()))
			.optional();
	}

	/**
	 * Records the attempt's outcome, if the delivery is still this claim's (a node whose lease ran
	 * out while it was sending finds it taken over, perhaps sent again by hand, and changes nothing): DELIVERED, PENDING again at
	 * {@code next}, or FAILED with no {@code next}. Its attempt is logged with it.
	 */
	boolean record(Outgoing delivery, WebhookSender.Result result, Instant next) {
		WebhookDeliveryStatus status = result.delivered() ? WebhookDeliveryStatus.DELIVERED
				: next == null ? WebhookDeliveryStatus.FAILED : WebhookDeliveryStatus.PENDING;
		boolean marked = jdbc.sql("""
				update webhook_delivery set status = :status, lease_until = null, response_code = :code, last_error = :error,
				  next_attempt_at = coalesce(:next, next_attempt_at),
				  delivered_at = case when :status = 'DELIVERED' then :finished else delivered_at end
				where id = :id and attempts = :attempt and status = 'SENDING' and lease_until = :leaseUntil""")
			.param("id", delivery.id())
			.param("attempt", delivery.attempt())
			.param("leaseUntil", Timestamp.from(delivery.leaseUntil()))
			.param("status", status.name())
			.param("code", result.responseCode())
			.param("error", result.error())
			.param("next", next == null ? null : Timestamp.from(next))
			.param("finished", Timestamp.from(result.startedAt().plus(result.duration())))
			.update() == 1;
		if (marked) {
			jdbc.sql("""
					insert into webhook_attempt (delivery_id, attempt, started_at, duration_ms, response_code, error)
					values (:id, :attempt, :started, :duration, :code, :error)""")
				.param("id", delivery.id())
				.param("attempt", delivery.attempt())
				.param("started", Timestamp.from(result.startedAt()))
				.param("duration", result.duration().toMillis())
				.param("code", result.responseCode())
				.param("error", result.error())
				.update();
		}
		return marked;
	}

	/**
	 * Queues a delivery again with fresh attempts (its earlier attempts stay in the log); false
	 * when it is being sent right now.
	 */
	boolean requeue(long subscriptionId, UUID id, Instant now) {
		return jdbc.sql("""
				update webhook_delivery set status = 'PENDING', attempts = 0, next_attempt_at = :now, lease_until = null
				where id = :id and subscription_id = :subscription and status <> 'SENDING'""")
			.param("id", id)
			.param("subscription", subscriptionId)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<WebhookDelivery> find(long subscriptionId, UUID id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_delivery where id = :id and subscription_id = :subscription")
			.param("id", id)
			.param("subscription", subscriptionId)
			.query(WebhookOutbox::delivery)
			.optional();
	}

	String payload(UUID id) {
		return jdbc.sql("select payload from webhook_delivery where id = :id").param("id", id).query(String.class).single();
	}

	List<WebhookDelivery.Attempt> attempts(UUID id) {
		return jdbc.sql("""
				select attempt, started_at, duration_ms, response_code, error from webhook_attempt where delivery_id = :id
				order by id""")
			.param("id", id)
			.query((rs, row) -> new WebhookDelivery.Attempt(rs.getInt("attempt"), rs.getTimestamp("started_at").toInstant(),
					rs.getLong("duration_ms"), code(rs, "response_code"), rs.getString("error")))
			.list();
	}

	/** The subscription's log, newest first. */
	List<WebhookDelivery> ofSubscription(long subscriptionId, int limit) {
		return jdbc.sql("select " + COLUMNS
				+ " from webhook_delivery where subscription_id = :subscription order by created_at desc, id limit :limit")
			.param("subscription", subscriptionId)
			.param("limit", limit)
			.query(WebhookOutbox::delivery)
			.list();
	}

	private static WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
		return new WebhookDelivery(rs.getObject("id", UUID.class), rs.getLong("subscription_id"), rs.getString("event_id"),
				WebhookEventType.valueOf(rs.getString("event_type")), rs.getString("risk_key"),
				WebhookDeliveryStatus.valueOf(rs.getString("status")), rs.getInt("attempts"), code(rs, "response_code"),
				rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "next_attempt_at"),
				instant(rs, "delivered_at"));
	}

	private static Integer code(ResultSet rs, String column) throws SQLException {
		int code = rs.getInt(column);
		return rs.wasNull() ? null : code;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

}
