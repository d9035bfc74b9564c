package io.riskdesk.risk;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The append-only timeline. Entries are written from {@link RiskChanged} events in the same
 * transaction as the change itself, so a change never lands without its entry.
 */
@Component
class Timeline {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Timeline(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventListener
	void append(RiskChanged change) {
		jdbc.sql("""
				insert into timeline_entry (risk_key, occurred_at, actor, kind, summary, before_value, after_value, details)
				values (:key, :at, :actor, :kind, :summary, :before, :after, cast(:details as jsonb))""")
			.param("key", change.riskKey())
			.param("at", Timestamp.from(change.at()))
			.param("actor", change.actor())
			.param("kind", change.kind().name())
			.param("summary", change.summary())
			.param("before", change.before())
			.param("after", change.after())
			.param("details", json.writeValueAsString(change.details()))
			.update();
	}

	List<TimelineEntry> of(String riskKey) {
		return jdbc.sql("""
				select id, occurred_at, actor, kind, summary, before_value, after_value, details::text as details
				from timeline_entry where risk_key = :key order by occurred_at, id""")
			.param("key", riskKey)
			.query((rs, row) -> new TimelineEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
					rs.getString("actor"), TimelineKind.valueOf(rs.getString("kind")), rs.getString("summary"),
					rs.getString("before_value"), rs.getString("after_value"),
					json.readValue(rs.getString("details"), DETAILS)))
			.list();
	}

}
