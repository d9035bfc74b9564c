package io.riskdesk.timeline;

import java.sql.Timestamp;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The append-only timeline of every risk. Entries are written from {@link TimelineFact} events in
 * the same transaction as the change itself, so a change never lands without its entry.
 */
@Service
public class Timeline {

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Timeline(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventListener
	void append(TimelineFact fact) {
		jdbc.sql("""
				insert into timeline_entry (risk_key, occurred_at, actor, kind, summary, before_value, after_value, details)
				values (:key, :at, :actor, :kind, :summary, :before, :after, cast(:details as jsonb))""")
			.param("key", fact.riskKey())
			.param("at", Timestamp.from(fact.at()))
			.param("actor", fact.actor())
			.param("kind", fact.kind().name())
			.param("summary", fact.summary())
			.param("before", fact.before())
			.param("after", fact.after())
			.param("details", json.writeValueAsString(fact.details()))
			.update();
	}

	/** A risk's entries, oldest first. */
	public List<TimelineEntry> of(String riskKey) {
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
