package io.riskdesk.similar;

import java.util.List;

import io.riskdesk.plan.Milestone;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.risk.Outcome;
import io.riskdesk.risk.RiskStatus;

/**
 * A resolved or closed risk like the one asked about, and how it was resolved.
 *
 * @param score how alike, higher is closer: text rank plus title similarity, times 1.5 in the same category
 * @param plan its corrective action plan: the milestones done first, then the others, each in the plan's order
 * @param secondsToResolve clock time from detection to resolution; null if it was closed without being resolved
 * @param outcome null until the risk is closed
 */
public record SimilarRisk(String key, String title, String account, RiskCategory category, Severity severity,
		RiskStatus status, double score, String rootCause, List<Milestone> plan, Long secondsToResolve,
		Outcome outcome) {

	public SimilarRisk {
		plan = List.copyOf(plan);
	}

	/** Time to resolve in words for the page: "3 d 4 h", "5 h 20 min", "12 min". */
	public String timeToResolve() {
		if (secondsToResolve == null) {
			return null;
		}
		long minutes = secondsToResolve / 60;
		long days = minutes / (24 * 60);
		long hours = minutes / 60 % 24;
		if (days > 0) {
			return days + " d " + hours + " h";
		}
		return hours > 0 ? hours + " h " + minutes % 60 + " min" : minutes + " min";
	}

}
