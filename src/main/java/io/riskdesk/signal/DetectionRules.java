package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import io.riskdesk.playbook.DetectionPolicy;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The playbook's detection rules over the account telemetry, as of a day: every window is
 * measured back from it and rows after it are ignored, so the same code serves today's pass and
 * a backtest. A pure read: it writes nothing (the {@link FindingLog} keeps findings). Each rule is
 * one SQL statement over the whole set of accounts; docs/signals.md describes them.
 */
@Service
public class DetectionRules {

	private static final Comparator<Finding> ORDER = Comparator.comparingLong(Finding::accountId)
		.thenComparing(Finding::severity)
		.thenComparing(Finding::ruleId);

	private final List<RuleFamily> families;

	private final RuleModifiers modifiers;

	DetectionRules(JdbcClient jdbc, JsonMapper json) {
		this.families = List.of(new RuleAdoption(jdbc, json), new RuleSupport(jdbc), new RuleCommercial(jdbc),
				new RuleSentiment(jdbc), new RuleEvents(jdbc, json));
		this.modifiers = new RuleModifiers(jdbc);
	}

	/** Every account's findings as of {@code asOf}, by account, most severe first. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<Finding> findings(DetectionPolicy policy, LocalDate asOf) {
		return run(policy, new DetectionScope(asOf, null));
	}

	/** The findings of these accounts only (unknown ids have none). */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public List<Finding> findings(DetectionPolicy policy, LocalDate asOf, Collection<Long> accountIds) {
		return accountIds.isEmpty() ? List.of() : run(policy, new DetectionScope(asOf, List.copyOf(accountIds)));
	}

	private List<Finding> run(DetectionPolicy policy, DetectionScope scope) {
		List<Finding> findings = new ArrayList<>();
		families.forEach(family -> findings.addAll(family.find(policy, scope)));
		return modifiers.apply(policy.renewal(), scope, findings).stream().sorted(ORDER).toList();
	}

}
