package io.riskdesk.similar;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Ranks the resolved and closed risks like a given one, best first, over the risk module's
 * {@code risk_search_facts}; docs/reports.md explains the candidates and the score. Plain, so the
 * benchmark (bench/run-similar.sh) runs exactly what the app runs.
 */
public final class SimilarRiskRanking {

	/**
	 * A tier is {@link #ENOUGH} candidates or more: the strictest tier that has them is ranked, so a
	 * title made of common words ranks the risks sharing all of them rather than the tens of
	 * thousands sharing three.
	 */
	static final int ENOUGH = 20;

	/** Title words beyond these are left out of the candidate tiers (the rank still reads them all). */
	static final int MAX_TITLE_WORDS = 10;

	/** The asked risk's title words, stemmed as in its document and quoted for tsquery input. */
	private static final String TITLE_WORDS = """
			select tsquery_lexeme(w)
			from risk_search_facts s, unnest(tsvector_to_array(ts_filter(s.search_document, '{a}'))) w
			where s.risk_key = :key
			limit :max""";

	/** A past risk {@code p} that may be suggested for the asked one ({@code :key}) within a tier ({@code :topic}). */
	private static final String CANDIDATE = """
			p.search_document @@ cast(:topic as tsquery) and p.risk_key <> :key
			and p.status in ('RESOLVED', 'CLOSED') and p.duplicate_of is null""";

	/** How many candidates a tier has, counted up to {@code :most}. */
	private static final String CANDIDATES = "select count(*) from (select 1 from risk_search_facts p where " + CANDIDATE
			+ " limit :most) c";

	/**
	 * Ranks the candidates of a tier ({@code topic}) by every word of the asked risk's document and by
	 * title similarity (pg_trgm), the same category weighted up. The asked risk's query is materialized:
	 * inlined, it was built again for every row. Parameters: {@code key}, {@code topic}, {@code limit}.
	 */
	private static final String RANKING = """
			with asked as materialized (
			    select s.risk_key, s.category, s.title,
			           (select string_agg(tsquery_lexeme(w), ' | ')
			            from unnest(tsvector_to_array(s.search_document)) w)::tsquery as words
			    from risk_search_facts s
			    where s.risk_key = :key
			)
			select p.risk_key, p.title, a.name as account, p.category, p.severity, p.status, p.root_cause,
			       p.outcome, p.seconds_to_resolve,
			       (ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search_document, q.words, 32) + similarity(p.title, q.title))
			       * case when p.category = q.category then 1.5 else 1 end as score
			from asked q
			cross join risk_search_facts p
			join account_facts a on a.id = p.account_id
			where""" + " " + CANDIDATE + "\n" + """
			order by score desc, p.risk_key
			limit :limit
			""";

	private final JdbcClient jdbc;

	public SimilarRiskRanking(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ranking statement, for the benchmark's EXPLAIN: parameters {@code key}, {@code topic}, {@code limit}. */
	public static String statement() {
		return RANKING;
	}

	/** Up to {@code limit} past risks like the risk, best first; none for a title without a word to search by. */
	public <T> List<T> rank(String riskKey, int limit, RowMapper<T> rows) {
		String topic = topic(riskKey);
		if (topic == null) {
			return List.of();
		}
		return jdbc.sql(RANKING).param("key", riskKey).param("topic", topic).param("limit", limit).query(rows).list();
	}

	/**
	 * The candidates to rank, as a tsquery: past risks whose document (title, description, evidence or
	 * root cause) holds m of the asked title's n words. The strictest tier with {@link #ENOUGH}
	 * candidates wins, from all n words down to the least that still says something: three words for
	 * a title of four or more, two for a shorter one, the word of a one-word title. Each tier is a
	 * count through the GIN index, cheap while its words are rare together; a loose tier of common
	 * words is what made the statement slow (docs/reports.md, "Speed"). Null when the title has no word.
	 */
	public String topic(String riskKey) {
		List<String> words = jdbc.sql(TITLE_WORDS)
			.param("key", riskKey)
			.param("max", MAX_TITLE_WORDS)
			.query(String.class)
			.list();
		if (words.isEmpty()) {
			return null;
		}
		int least = words.size() == 1 ? 1 : words.size() < 4 ? 2 : 3;
		for (int shared = words.size();; shared--) {
			String topic = String.join(" | ", combinations(words, shared));
			if (shared == least || candidates(riskKey, topic, ENOUGH) >= ENOUGH) {
				return topic;
			}
		}
	}

	/** How many past risks a tier ({@link #topic}) offers the risk, counted up to {@code most}. */
	public long candidates(String riskKey, String topic, long most) {
		return jdbc.sql(CANDIDATES).param("topic", topic).param("key", riskKey).param("most", most).query(Long.class).single();
	}

	/** Every choice of {@code size} of the words, each as the words joined by AND. */
	static List<String> combinations(List<String> words, int size) {
		List<String> found = new ArrayList<>();
		collect(words, size, 0, new ArrayList<>(), found);
		return found;
	}

	private static void collect(List<String> words, int size, int from, List<String> chosen, List<String> found) {
		if (chosen.size() == size) {
			found.add("(" + String.join(" & ", chosen) + ")");
			return;
		}
		for (int i = from; i <= words.size() - (size - chosen.size()); i++) {
			chosen.add(words.get(i));
			collect(words, size, i + 1, chosen, found);
			chosen.remove(chosen.size() - 1);
		}
	}

}
