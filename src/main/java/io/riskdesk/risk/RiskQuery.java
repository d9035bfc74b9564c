package io.riskdesk.risk;

import java.time.LocalDate;
import java.util.Set;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * Filters of the register list; empty or null means "any".
 *
 * @param renewalWithinDays only risks whose account renews between today and today + N days
 * @param q free text matched against key, title, description and account name
 * @param detectedFrom only risks detected on or after this day (UTC); {@code detectedTo} on or before it
 * @param closedFrom only risks closed on or after this day (UTC); {@code closedTo} on or before it
 * @param concessionsPending true: only risks with a concession awaiting approval; false: only risks without one
 * @param stale true: only risks whose next progress update is overdue now; false: only those whose is not
 * @param overdueMilestones true: only risks with a milestone or prevention item overdue (false or null: any)
 */
public record RiskQuery(
		Set<Severity> severity,
		Set<RiskStatus> status,
		Set<RiskCategory> category,
		Set<RiskSource> source,
		Long ownerId,
		Long accountId,
		Set<SlaStatus> slaStatus,
		@PositiveOrZero @Max(3650) Integer renewalWithinDays,
		@Text(max = Text.NAME) String q,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate(years = SaneDate.SEARCH_YEARS) LocalDate detectedFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate(years = SaneDate.SEARCH_YEARS) LocalDate detectedTo,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate(years = SaneDate.SEARCH_YEARS) LocalDate closedFrom,
		@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @SaneDate(years = SaneDate.SEARCH_YEARS) LocalDate closedTo,
		Boolean concessionsPending,
		Boolean stale,
		Boolean overdueMilestones) {

	public RiskQuery {
		severity = severity == null ? Set.of() : Set.copyOf(severity);
		status = status == null ? Set.of() : Set.copyOf(status);
		category = category == null ? Set.of() : Set.copyOf(category);
		source = source == null ? Set.of() : Set.copyOf(source);
		slaStatus = slaStatus == null ? Set.of() : Set.copyOf(slaStatus);
	}

	public static RiskQuery all() {
		return new RiskQuery(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

}
