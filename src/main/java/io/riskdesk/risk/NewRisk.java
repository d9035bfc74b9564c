package io.riskdesk.risk;

import java.time.Instant;
import java.util.List;

import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.playbook.Severity;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A risk to log. Severity and owner may be known at once or assigned at triage.
 * {@code detectedAt} defaults to now and may not be in the future.
 */
public record NewRisk(
		@NotNull Long accountId,
		@NotBlank @Text(max = Text.TITLE) String title,
		@NotNull RiskCategory category,
		@Text(max = Text.LONG) String description,
		Severity severity,
		Long ownerId,
		@Size(max = NewRisk.MAX_CO_OWNERS) List<@NotNull Long> coOwnerIds,
		Instant detectedAt,
		@Size(max = Text.ITEMS) List<@NotBlank @Text(max = Text.LINE) String> evidence) {

	/** The most co-owners of a risk, at logging and after. */
	public static final int MAX_CO_OWNERS = 20;

	public NewRisk {
		coOwnerIds = coOwnerIds == null ? List.of() : List.copyOf(coOwnerIds);
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
	}

}
