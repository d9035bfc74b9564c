package io.riskdesk.signal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import tools.jackson.databind.JsonNode;

/**
 * What an alternative detection section would have found over a range of days, against the
 * section in force: per account and category the first day each side finds something (the day
 * the register would open a risk), and the rules behind it. Computed, never stored.
 *
 * @param accounts the accounts where either side found something, by name
 */
public record BacktestResult(LocalDate from, LocalDate to, InForce inForce, Alternative alternative,
		List<AccountResult> accounts, Summary summary) {

	/** @param version the SHA-256 of the playbook file in force */
	public record InForce(String version) {
	}

	/**
	 * @param detection the whole section compared, as playbook.yml writes it
	 * @param changes the keys whose values differ from the section in force
	 */
	public record Alternative(JsonNode detection, List<Change> changes) {
	}

	public record Change(String key, String inForce, String alternative) {
	}

	public record AccountResult(long accountId, String accountName, List<CategoryResult> categories) {
	}

	/** How the alternative's first day compares with the first day in force. */
	public enum Outcome {
		SAME, EARLIER, LATER, ONLY_IN_FORCE, ONLY_ALTERNATIVE
	}

	/**
	 * One category of one account.
	 *
	 * @param inForceFirst the first day of the range a rule of this category fired in force, null if none did
	 * @param difference days from {@code inForceFirst} to {@code alternativeFirst}, positive when the
	 * alternative fires later; null unless both fired
	 */
	public record CategoryResult(RiskCategory category, Outcome outcome, LocalDate inForceFirst,
			LocalDate alternativeFirst, Long difference, List<RuleFirst> inForceRules, List<RuleFirst> alternativeRules) {

		static CategoryResult of(RiskCategory category, List<RuleFirst> inForceRules, List<RuleFirst> alternativeRules) {
			LocalDate inForce = first(inForceRules);
			LocalDate alternative = first(alternativeRules);
			Long difference = inForce == null || alternative == null ? null : ChronoUnit.DAYS.between(inForce, alternative);
			Outcome outcome = inForce == null ? Outcome.ONLY_ALTERNATIVE : alternative == null ? Outcome.ONLY_IN_FORCE
					: difference == 0 ? Outcome.SAME : difference < 0 ? Outcome.EARLIER : Outcome.LATER;
			return new CategoryResult(category, outcome, inForce, alternative, difference, inForceRules, alternativeRules);
		}

		private static LocalDate first(List<RuleFirst> rules) {
			return rules.isEmpty() ? null : rules.get(0).first();
		}

	}

	/**
	 * A rule that fired in the range.
	 *
	 * @param first the first day of the range it fired
	 * @param firedOn the data date that first finding rests on
	 * @param severity its severity that day, after the renewal modifiers
	 */
	public record RuleFirst(String ruleId, LocalDate first, LocalDate firedOn, Severity severity) {
	}

	/**
	 * Counts of account categories by outcome.
	 *
	 * @param accounts the accounts compared
	 * @param accountsDiffering those with a category whose outcome is not SAME
	 */
	public record Summary(int accounts, int accountsDiffering, int earlier, int later, int same, int onlyInForce,
			int onlyAlternative) {
	}

}
