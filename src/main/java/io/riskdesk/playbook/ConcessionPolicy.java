package io.riskdesk.playbook;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

/**
 * Who may approve a concession: per role of the team, the most it may approve, in {@code currency}
 * (a concession in another currency is converted at the configured rates before it is compared).
 * A role not listed approves nothing.
 */
public record ConcessionPolicy(@NotNull Currency currency,
		@NotEmpty Map<@NotNull TeamRole, @NotNull ApprovalLimit> approvalLimits) {

	public Optional<ApprovalLimit> limit(TeamRole role) {
		return Optional.ofNullable(approvalLimits.get(role));
	}

	/** The roles whose limit covers a value (in {@link #currency}), the lowest limit first. */
	public List<TeamRole> rolesCovering(BigDecimal value) {
		return byLimit().filter(e -> e.getValue().covers(value)).map(Map.Entry::getKey).toList();
	}

	/** The roles without a limit: the only ones who can approve a value that cannot be converted. */
	public List<TeamRole> unlimitedRoles() {
		return byLimit().filter(e -> e.getValue().unlimited()).map(Map.Entry::getKey).toList();
	}

	/** The limits in order, lowest first, unlimited last: how the playbook page lists them. */
	public List<Map.Entry<TeamRole, ApprovalLimit>> limits() {
		return byLimit().toList();
	}

	private Stream<Map.Entry<TeamRole, ApprovalLimit>> byLimit() {
		return approvalLimits.entrySet()
			.stream()
			.sorted(Comparator.comparing((Map.Entry<TeamRole, ApprovalLimit> e) -> e.getValue().unlimited())
				.thenComparing(e -> e.getValue().unlimited() ? BigDecimal.ZERO : e.getValue().amount())
				.thenComparing(Map.Entry::getKey));
	}

}
