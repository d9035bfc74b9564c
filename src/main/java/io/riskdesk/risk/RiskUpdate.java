package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.RiskCategory;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update of a risk's descriptive fields: absent (null) fields stay as they are; the
 * others follow the rules of {@link NewRisk}.
 * {@code securityLegalApplicable}: Security and Legal are told of the risk even though it is no INCIDENT.
 * Severity and status have their own endpoints because they need a reason or required fields.
 */
public record RiskUpdate(
		@Text(max = Text.TITLE) @Pattern(regexp = ".*\\S.*", message = "is required") String title,
		@Text(max = Text.LONG) String description,
		RiskCategory category,
		Long ownerId,
		@Size(max = NewRisk.MAX_CO_OWNERS) List<@NotNull Long> coOwnerIds,
		@Size(max = Text.ITEMS) List<@NotBlank @Text(max = Text.LINE) String> evidence,
		Cadence cadence,
		Boolean securityLegalApplicable) {
}
