package io.riskdesk.signal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.riskdesk.playbook.DetectionPolicy;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;

/**
 * A detection rule that fired for an account, with its evidence.
 *
 * @param baseSeverity the rule's severity from the playbook
 * @param severity after the renewal modifiers ({@code modifiers} says which applied, in order)
 * @param firedOn the data date the finding rests on (the latest usage day, the event's day, …)
 * @param threshold the rule's threshold in force, in words
 * @param measured the values the rule compared, by name (dates as ISO strings)
 * @param recordIds natural keys of the telemetry rows it rests on, e.g. "ticket T-1", "usage 2026-03-03"
 */
public record Finding(long accountId, String ruleId, RiskCategory category, Severity baseSeverity, Severity severity,
		LocalDate firedOn, String threshold, Map<String, Object> measured, String explanation, List<String> recordIds,
		List<String> modifiers) {

	public Finding {
		measured = Collections.unmodifiableMap(new LinkedHashMap<>(measured));
		recordIds = List.copyOf(recordIds);
		modifiers = List.copyOf(modifiers);
	}

	/** The suggested severity of an account: the highest among its findings; empty without findings. */
	public static Optional<Severity> suggestedSeverity(Collection<Finding> findings) {
		return findings.stream().map(Finding::severity).min(Comparator.naturalOrder());
	}

	/** A rule's finding before modifiers: the rule's category, severity and threshold in force. */
	static Finding of(long accountId, DetectionPolicy.Rule rule, LocalDate firedOn, Map<String, Object> measured,
			String explanation, List<String> recordIds) {
		return new Finding(accountId, rule.id(), rule.category(), rule.severity(), rule.severity(), firedOn,
				rule.threshold(), measured, explanation, recordIds, List.of());
	}

	Finding withSeverity(Severity raised, String modifier) {
		List<String> applied = new ArrayList<>(modifiers);
		applied.add(modifier);
		return new Finding(accountId, ruleId, category, baseSeverity, raised, firedOn, threshold, measured, explanation,
				recordIds, applied);
	}

}
