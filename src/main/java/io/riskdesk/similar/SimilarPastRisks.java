package io.riskdesk.similar;

import java.util.Comparator;
import java.util.List;

import io.riskdesk.plan.CorrectiveActionPlans;
import io.riskdesk.plan.Milestone;
import io.riskdesk.plan.MilestoneKind;
import io.riskdesk.plan.MilestoneStatus;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.Outcome;
import io.riskdesk.risk.RiskRegister;
import io.riskdesk.risk.RiskStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The resolved and closed risks most like a given one, best first. The ranking is one statement over
 * the risk module's {@code risk_search_facts}; docs/reports.md explains it.
 */
@Service
public class SimilarPastRisks {

	/** How many past risks a risk is shown. */
	public static final int LIMIT = 5;

	/**
	 * Candidates are the past risks whose document contains enough of the asked title's words: three
	 * of them for a title of four words or more, two for a shorter one, the word of a one-word title;
	 * found through the GIN index on the documents. Only candidates are ranked, so their number is the
	 * statement's cost: one shared word ("customer", "tickets") would make most risks candidates. They
	 * are ranked by every word of the asked risk's document and by title similarity (pg_trgm). The
	 * asked risk's queries are materialized: inlined, they were built again for every row. Parameters:
	 * {@code key}, {@code limit}.
	 */
	private static final String RANKING = """
			with asked as materialized (
			    select s.risk_key, s.category, s.title,
			           (select string_agg(tsquery_lexeme(w), ' | ')
			            from unnest(tsvector_to_array(s.search_document)) w)::tsquery as words,
			           array(select tsquery_lexeme(w) from unnest(tsvector_to_array(ts_filter(s.search_document, '{a}'))) w) as title_words
			    from risk_search_facts s
			    where s.risk_key = :key
			), query as materialized (
			    select asked.*,
			           (case when cardinality(title_words) = 1 then title_words[1]
			                 when cardinality(title_words) < 4 then
			                     (select string_agg(x.w || ' & ' || y.w, ' | ')
			                      from unnest(title_words) with ordinality x(w, i)
			                      join unnest(title_words) with ordinality y(w, j) on x.i < y.j)
			                 else (select string_agg(x.w || ' & ' || y.w || ' & ' || z.w, ' | ')
			                       from unnest(title_words) with ordinality x(w, i)
			                       join unnest(title_words) with ordinality y(w, j) on x.i < y.j
			                       join unnest(title_words) with ordinality z(w, k) on y.j < z.k) end)::tsquery as topic
			    from asked
			)
			select p.risk_key, p.title, a.name as account, p.category, p.severity, p.status, p.root_cause,
			       p.outcome, p.seconds_to_resolve,
			       (ts_rank('{0.1, 0.2, 0.4, 1.0}', p.search_document, q.words, 32) + similarity(p.title, q.title))
			       * case when p.category = q.category then 1.5 else 1 end as score
			from query q
			join risk_search_facts p on p.risk_key <> q.risk_key
			join account_facts a on a.id = p.account_id
			where p.status in ('RESOLVED', 'CLOSED')
			  and p.duplicate_of is null
			  and p.search_document @@ q.topic
			order by score desc, p.risk_key
			limit :limit
			""";

	/** The ranking statement, for the benchmark (bench/run-similar.sh): a method, so its callers never keep an old copy. */
	public static String ranking() {
		return RANKING;
	}

	/** Done milestones first: what worked is what a reader looks for. */
	private static final Comparator<Milestone> DONE_FIRST = Comparator
		.comparing((Milestone m) -> m.status() != MilestoneStatus.DONE)
		.thenComparing(Milestone::position);

	private final JdbcClient jdbc;

	private final RiskRegister risks;

	private final CorrectiveActionPlans plans;

	SimilarPastRisks(JdbcClient jdbc, RiskRegister risks, CorrectiveActionPlans plans) {
		this.jdbc = jdbc;
		this.risks = risks;
		this.plans = plans;
	}

	/** Up to {@link #LIMIT} resolved or closed risks like this one, never itself nor a duplicate; 404 for an unknown key. */
	@Transactional(readOnly = true)
	public List<SimilarRisk> of(String riskKey) {
		risks.requireExists(riskKey);
		return jdbc.sql(RANKING)
			.param("key", riskKey)
			.param("limit", LIMIT)
			.query((rs, n) -> new SimilarRisk(rs.getString("risk_key"), rs.getString("title"), rs.getString("account"),
					RiskCategory.valueOf(rs.getString("category")), enumOrNull(Severity.class, rs.getString("severity")),
					RiskStatus.valueOf(rs.getString("status")), rs.getDouble("score"), rs.getString("root_cause"),
					planOf(rs.getString("risk_key")), rs.getObject("seconds_to_resolve", Long.class),
					enumOrNull(Outcome.class, rs.getString("outcome"))))
			.list();
	}

	/** The corrective action plan's milestones; prevention items are tracked after the resolution, not part of it. */
	private List<Milestone> planOf(String riskKey) {
		return plans.of(riskKey)
			.stream()
			.filter(m -> m.kind() == MilestoneKind.PLAN)
			.sorted(DONE_FIRST)
			.toList();
	}

	private static <E extends Enum<E>> E enumOrNull(Class<E> type, String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

}
