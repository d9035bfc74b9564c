package io.riskdesk.webhook;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code webhook_subscription} table. */
@Repository
class SubscriptionRepository {

	private static final String COLUMNS = """
			id, version, url, event_types, enabled, description, consecutive_failures, disabled_reason, created_at,
			updated_at""";

	private final JdbcClient jdbc;

	SubscriptionRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(WebhookForm form, String secret, Instant now) {
		return jdbc.sql("""
				insert into webhook_subscription (url, event_types, secret, enabled, description, created_at, updated_at)
				values (:url, :types, :secret, :enabled, :description, :now, :now) returning id""")
			.param("url", form.url().strip())
			.param("types", types(form.eventTypes()))
			.param("secret", secret)
			.param("enabled", form.enabledOrDefault())
			.param("description", blankToNull(form.description()))
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.single();
	}

	/**
	 * Replaces the subscription's fields, and its secret when one is given; enabling a disabled
	 * one forgets its failures (saving an enabled one does not postpone its disabling). False when it is not at {@code version} (any version with null).
	 */
	boolean update(long id, Integer version, WebhookForm form, Instant now) {
		return jdbc.sql("""
				update webhook_subscription set url = :url, event_types = :types, secret = coalesce(:secret, secret),
				  description = :description, enabled = :enabled,
				  consecutive_failures = case when :enabled and not enabled then 0 else consecutive_failures end,
				  disabled_reason = case when :enabled then null else disabled_reason end,
				  version = version + 1, updated_at = :now
				where id = :id and (cast(:version as integer) is null or version = :version)""")
			.param("id", id)
			.param("version", version)
			.param("url", form.url().strip())
			.param("types", types(form.eventTypes()))
			.param("secret", form.secret())
			.param("description", blankToNull(form.description()))
			.param("enabled", form.enabledOrDefault())
			.param("now", Timestamp.from(now))
			.update() == 1;
	}

	boolean delete(long id) {
		return jdbc.sql("delete from webhook_subscription where id = :id").param("id", id).update() == 1;
	}

	Optional<WebhookSubscription> find(long id) {
		return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = :id")
			.param("id", id)
			.query(SubscriptionRepository::subscription)
			.optional();
	}

	List<WebhookSubscription> all() {
		return jdbc.sql("select " + COLUMNS + " from webhook_subscription order by id")
			.query(SubscriptionRepository::subscription)
			.list();
	}

	/** Whether any enabled subscription wants this type: if none does, the event's payload is not even built. */
	boolean anyWants(WebhookEventType type) {
		return jdbc.sql("select exists (select 1 from webhook_subscription where enabled and :type = any(event_types))")
			.param("type", type.name())
			.query(Boolean.class)
			.single();
	}

	/** A delivery arrived: the failures in a row start again from zero. */
	void delivered(long id) {
		jdbc.sql("update webhook_subscription set consecutive_failures = 0 where id = :id and consecutive_failures > 0")
			.param("id", id)
			.update();
	}

	/**
	 * A delivery gave up: one more failure in a row, and at {@code limit} the subscription is
	 * disabled (a new version, so an edit based on the enabled one is refused). True when this
	 * failure disabled it.
	 */
	boolean deliveryFailed(long id, int limit, Instant now) {
		return Boolean.TRUE.equals(jdbc.sql("""
				update webhook_subscription set consecutive_failures = consecutive_failures + 1,
				  enabled = enabled and consecutive_failures + 1 < :limit,
				  disabled_reason = case when enabled and consecutive_failures + 1 >= :limit
				    then 'Disabled after ' || :limit || ' deliveries in a row failed' else disabled_reason end,
				  version = case when enabled and consecutive_failures + 1 >= :limit then version + 1 else version end,
				  updated_at = case when enabled and consecutive_failures + 1 >= :limit then :now else updated_at end
				where id = :id
				returning not enabled and consecutive_failures = :limit""")
			.param("id", id)
			.param("limit", limit)
			.param("now", Timestamp.from(now))
			.query(Boolean.class)
			.optional()
			.orElse(false));
	}

	private static String[] types(Set<WebhookEventType> types) {
		return types.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	private static WebhookSubscription subscription(ResultSet rs, int row) throws SQLException {
		Array array = rs.getArray("event_types");
		Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
		Arrays.stream((String[]) array.getArray()).map(WebhookEventType::valueOf).forEach(types::add);
		return new WebhookSubscription(rs.getLong("id"), rs.getInt("version"), rs.getString("url"), types,
				rs.getBoolean("enabled"), rs.getString("description"), rs.getInt("consecutive_failures"),
				rs.getString("disabled_reason"), rs.getTimestamp("created_at").toInstant(),
				rs.getTimestamp("updated_at").toInstant(), null);
	}

}
