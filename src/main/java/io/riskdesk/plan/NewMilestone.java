package io.riskdesk.plan;

import java.time.LocalDate;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;

/**
 * A milestone to add. The owner is a person of the directory ({@code ownerId}, or {@code owner}
 * matching one's name or e-mail) or free text; one of the two is required.
 *
 * @param due null for "no date yet": no SLA clock until a date is set
 * @param successCriterion optional: what proves it done
 */
public record NewMilestone(@NotBlank @Text(max = Text.TITLE) String title, @Text(max = Text.NAME) String owner,
		Long ownerId, @SaneDate LocalDate due, @Text(max = Text.LINE) String successCriterion) {

	public NewMilestone(String title, String owner, LocalDate due) {
		this(title, owner, null, due, null);
	}

}
