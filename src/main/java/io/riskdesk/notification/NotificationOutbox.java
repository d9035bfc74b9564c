package io.riskdesk.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.riskdesk.playbook.Channel;
import io.riskdesk.playbook.NotificationTrigger;
import io.riskdesk.playbook.Severity;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Rows are added in the transaction of the change that causes them and claimed
 * one at a time with {@code FOR UPDATE SKIP LOCKED}, so nodes sharing the database never take the
 * same message; a claim is a lease that another node may take over once it runs out.
 */
@Repository
class NotificationOutbox {

	private static final String COLUMNS = """
			id, risk_key, trigger, occurrence, severity, channel, recipient_name, recipient_role, side, address,
			template, subject, status, attempts, next_attempt_at, last_error, created_at, sent_at""";

	private final JdbcClient jdbc;

	NotificationOutbox(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The idempotency key: one message per (risk, trigger, occurrence, recipient, channel), so the
	 * same firing queued twice queues nothing new. A digest has no risk ("-").
	 */
	static String idempotencyKey(String riskKey, NotificationTrigger trigger, String occurrence, String recipientKey,
			Channel channel) {
		return String.join("|", riskKey == null ? "-" : riskKey, trigger.name(), occurrence, recipientKey, channel.name());
	}

	/** A message to queue; {@code slackMessage} is JSON, {@code calendar} an .ics, each null when not that channel's. */
	record NewMessage(String riskKey, NotificationTrigger trigger, String occurrence, Severity severity, Channel channel,
			String recipientKey, String recipientName, String recipientRole, Side side, String address, String template,
			NotificationTemplates.Rendered content, String calendar, String slackMessage, boolean meetsNotificationClock,
			Mailings.Attachment attachment) {

		NewMessage(String riskKey, NotificationTrigger trigger, String occurrence, Severity severity, Channel channel,
				String recipientKey, String recipientName, String recipientRole, Side side, String address, String template,
				NotificationTemplates.Rendered content, String calendar, String slackMessage, boolean meetsNotificationClock) {
			this(riskKey, trigger, occurrence, severity, channel, recipientKey, recipientName, recipientRole, side, address,
					template, content, calendar, slackMessage, meetsNotificationClock, null);
		}

		String idempotencyKey() {
			return NotificationOutbox.idempotencyKey(riskKey, trigger, occurrence, recipientKey, channel);
		}
	}

	/**
	 * A claimed message with everything its channel needs to send it; {@code attempt} counts from 1;
	 * {@code attachment} null when it has none.
	 */
	record Outgoing(long id, int attempt, String riskKey, NotificationTrigger trigger, Severity severity, Channel channel,
			String recipientName, String address, String subject, String text, String html, String calendar,
			String slackMessage, boolean meetsNotificationClock, Instant createdAt, Mailings.Attachment attachment) {
	}

	/** Queues a message unless one with its idempotency key exists; true when it was queued now. */
	boolean add(NewMessage message, Instant now) {
		return jdbc.sql("""
				insert into notification (idempotency_key, risk_key, trigger, occurrence, severity, channel, recipient_key,
				  recipient_name, recipient_role, side, address, template, subject, text_body, html_body, calendar,
				  slack_message, meets_notification_clock, attachment, attachment_name, attachment_type, next_attempt_at,
				  created_at)
				values (:key, :risk, :trigger, :occurrence, :severity, :channel, :recipientKey, :recipientName,
				  :recipientRole, :side, :address, :template, :subject, :text, :html, :calendar,
				  cast(:slack as jsonb), :meets, :attachment, :attachmentName, :attachmentType, :now, :now)
				on conflict (idempotency_key) do nothing""")
			.param("key", message.idempotencyKey())
			.param("risk", message.riskKey())
			.param("trigger", message.trigger().name())
			.param("occurrence", message.occurrence())
			.param("severity", message.severity() == null ? null : message.severity().name())
			.param("channel", message.channel().name())
			.param("recipientKey", message.recipientKey())
			.param("recipientName", message.recipientName())
			.param("recipientRole", message.recipientRole())
			.param("side", message.side() == null ? null : message.side().name())
			.param("address", message.address())
			.param("template", message.template())
			.param("subject", message.content().subject())
			.param("text", message.content().text())
			.param("html", message.content().html())
			.param("calendar", message.calendar())
			.param("slack", message.slackMessage())
			.param("meets", message.meetsNotificationClock())
			.param("attachment", message.attachment() == null ? null : message.attachment().content())
			.param("attachmentName", message.attachment() == null ? null : message.attachment().filename())
			.param("attachmentType", message.attachment() == null ? null : message.attachment().contentType())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	/**
	 * Takes the oldest due message (pending and due, or being sent by a node whose lease ran out)
	 * for this node until {@code leaseUntil}, counting the attempt; empty when none is due.
	 */
	Optional<Outgoing> claim(Instant now, Instant leaseUntil, String node) {
		return jdbc.sql("""
				update notification n set status = 'SENDING', attempts = n.attempts + 1, lease_until = :leaseUntil,
				  sent_by_node = :node
				where n.id = (select id from notification
				              where (status = 'PENDING' and next_attempt_at <= :now)
				                 or (status = 'SENDING' and lease_until <= :now)
				              order by next_attempt_at, id
				              limit 1
				              for update skip locked)
				returning n.id, n.attempts, n.risk_key, n.trigger, n.severity, n.channel, n.recipient_name, n.address,
				  n.subject, n.text_body, n.html_body, n.calendar, n.slack_message::text as slack_message,
				  n.meets_notification_clock, n.created_at, n.attachment, n.attachment_name, n.attachment_type""")
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(leaseUntil))
			.param("node", node)
			.query((rs, row) -> new Outgoing(rs.getLong("id"), rs.getInt("attempts"), rs.getString("risk_key"),
					NotificationTrigger.valueOf(rs.getString("trigger")), severity(rs), Channel.valueOf(rs.getString("channel")),
					rs.getString("recipient_name"), rs.getString("address"), rs.getString("subject"),
					rs.getString("text_body"), rs.getString("html_body"), rs.getString("calendar"),
					rs.getString("slack_message"), rs.getBoolean("meets_notification_clock"),
					rs.getTimestamp("created_at").toInstant(), attachment(rs)))
			.optional();
	}

	/**
	 * Marks the attempt delivered, if the message is still this attempt's: a node whose lease ran
	 * out while it was sending finds the message taken over and changes nothing.
	 */
	boolean markSent(long id, int attempt, Instant at) {
		return jdbc.sql("""
				update notification set status = 'SENT', sent_at = :at, lease_until = null, last_error = null
				where id = :id and attempts = :attempt and status = 'SENDING'""")
			.param("id", id)
			.param("attempt", attempt)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** A delivery that meets the NOTIFICATION clock, as the clock needs it. */
	record ClockDelivery(long id, String riskKey, Severity severity, Channel channel, String recipientName,
			Instant sentAt) {
	}

	/** Delivered messages that meet the NOTIFICATION clock and are not yet recorded on their risk, oldest first. */
	List<ClockDelivery> unrecordedClockDeliveries(int limit) {
		return jdbc.sql("""
				select id, risk_key, severity, channel, recipient_name, sent_at from notification
				where status = 'SENT' and meets_notification_clock and clock_recorded_at is null
				order by id limit :limit""")
			.param("limit", limit)
			.query((rs, row) -> new ClockDelivery(rs.getLong("id"), rs.getString("risk_key"), severity(rs),
					Channel.valueOf(rs.getString("channel")), rs.getString("recipient_name"), instant(rs, "sent_at")))
			.list();
	}

	/** False when another node recorded it first. */
	boolean markClockRecorded(long id, Instant at) {
		return jdbc.sql("update notification set clock_recorded_at = :at where id = :id and clock_recorded_at is null")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update() == 1;
	}

	/** The attempt failed: try again at {@code next}, or, with no {@code next}, give up (FAILED). */
	boolean markFailed(long id, int attempt, String error, Instant next) {
		return jdbc.sql("""
				update notification set status = :status, next_attempt_at = coalesce(:next, next_attempt_at),
				  lease_until = null, last_error = :error
				where id = :id and attempts = :attempt and status = 'SENDING'""")
			.param("id", id)
			.param("attempt", attempt)
			.param("status", next == null ? NotificationStatus.FAILED.name() : NotificationStatus.PENDING.name())
			.param("next", next == null ? null : Timestamp.from(next))
			.param("error", error)
			.update() == 1;
	}

	/** A failed message queued again from scratch; false when it is not (or no longer) failed. */
	boolean requeue(long id, Instant now) {
		return jdbc.sql("""
				update notification set status = 'PENDING', attempts = 0, next_attempt_at = :now, last_error = null
				where id = :id and status = 'FAILED'""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	Optional<Notification> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from notification where id = :id")
			.param("id", id)
			.query(NotificationOutbox::notification)
			.optional();
	}

	List<Notification> ofRisk(String riskKey) {
		return jdbc.sql("select " + COLUMNS + " from notification where risk_key = :key order by id")
			.param("key", riskKey)
			.query(NotificationOutbox::notification)
			.list();
	}

	/** One page of messages, newest first, narrowed by whichever filters are given. */
	Page<Notification> list(NotificationQuery query, Pageable pageable) {
		List<String> where = new ArrayList<>();
		where.add("true");
		if (query.status() != null) {
			where.add("status = :status");
		}
		if (query.riskKey() != null) {
			where.add("risk_key = :risk");
		}
		if (query.trigger() != null) {
			where.add("trigger = :trigger");
		}
		if (query.channel() != null) {
			where.add("channel = :channel");
		}
		String condition = String.join(" and ", where);
		long total = bind(jdbc.sql("select count(*) from notification where " + condition), query)
			.query(Long.class)
			.single();
		List<Notification> rows = bind(jdbc.sql("select " + COLUMNS + " from notification where " + condition
				+ " order by id desc limit :limit offset :offset"), query)
			.param("limit", pageable.getPageSize())
			.param("offset", pageable.getOffset())
			.query(NotificationOutbox::notification)
			.list();
		return new PageImpl<>(rows, pageable, total);
	}

	private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, NotificationQuery query) {
		return sql.param("status", query.status() == null ? null : query.status().name())
			.param("risk", query.riskKey())
			.param("trigger", query.trigger() == null ? null : query.trigger().name())
			.param("channel", query.channel() == null ? null : query.channel().name());
	}

	private static Notification notification(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("id"), rs.getString("risk_key"),
				NotificationTrigger.valueOf(rs.getString("trigger")), rs.getString("occurrence"), severity(rs),
				Channel.valueOf(rs.getString("channel")), rs.getString("recipient_name"), rs.getString("recipient_role"),
				rs.getString("side") == null ? null : Side.valueOf(rs.getString("side")), rs.getString("address"),
				rs.getString("template"), rs.getString("subject"), NotificationStatus.valueOf(rs.getString("status")),
				rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
				instant(rs, "created_at"), instant(rs, "sent_at"));
	}

	private static Mailings.Attachment attachment(ResultSet rs) throws SQLException {
		byte[] content = rs.getBytes("attachment");
		return content == null ? null
				: new Mailings.Attachment(rs.getString("attachment_name"), rs.getString("attachment_type"), content);
	}

	private static Severity severity(ResultSet rs) throws SQLException {
		String severity = rs.getString("severity");
		return severity == null ? null : Severity.valueOf(severity);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	/** The messages of one firing of a trigger on a risk, oldest first. */
	List<Notification> ofOccurrence(String riskKey, NotificationTrigger trigger, String occurrence) {
		return jdbc.sql("select " + COLUMNS
				+ " from notification where risk_key = :key and trigger = :trigger and occurrence = :occurrence order by id")
			.param("key", riskKey)
			.param("trigger", trigger.name())
			.param("occurrence", occurrence)
			.query(NotificationOutbox::notification)
			.list();
	}

}
