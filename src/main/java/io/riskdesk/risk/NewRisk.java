package io.riskdesk.risk;

import java.time.Instant;
import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A risk to log. Severity and owner may be known at once or assigned at triage.
 * {@code detectedAt} defaults to now and may not be in the future.
 */
public record NewRisk(
		@NotNull Long accountId,
		@NotBlank @Size(max = 300) String title,
		@NotNull RiskCategory category,
		@Size(max = 20000) String description,
		Severity severity,
		Long ownerId,
		@Size(max = 20) List<@NotNull Long> coOwnerIds,
		Instant detectedAt,
		@Size(max = 50) List<@NotBlank @Size(max = 2000) String> evidence) {

	public NewRisk {
		coOwnerIds = coOwnerIds == null ? List.of() : List.copyOf(coOwnerIds);
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}

}
