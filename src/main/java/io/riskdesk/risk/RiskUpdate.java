package io.riskdesk.risk;

import java.util.List;

import io.riskdesk.playbook.Cadence;
import io.riskdesk.playbook.RiskCategory;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A partial update of a risk's descriptive fields: absent (null) fields stay as they are.
 * Severity and status have their own endpoints because they need a reason or required fields.
 */
public record RiskUpdate(
		@Size(max = 300) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
		@Size(max = 20000) String description,
		RiskCategory category,
		Long ownerId,
		List<@NotNull Long> coOwnerIds,
		List<@NotNull @Size(max = 2000) String> evidence,
		Cadence cadence) {
}
