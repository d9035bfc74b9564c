package io.riskdesk.plan;

import java.time.LocalDate;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.Pattern;

/**
 * A partial change of a milestone: absent (null) fields stay as they are; the others follow the
 * rules of {@link NewMilestone}. A date once set can be moved, not removed; an empty success
 * criterion removes it. {@code ownerId} names a directory person; {@code owner} alone is matched
 * against the directory, else kept as free text.
 */
public record MilestoneUpdate(
		@Text(max = Text.TITLE) @Pattern(regexp = "(?s).*\\S.*", message = "is required") String title,
		@Text(max = Text.NAME) @Pattern(regexp = "(?s).*\\S.*", message = "is required") String owner,
		Long ownerId,
		@SaneDate LocalDate due,
		@Text(max = Text.LINE) String successCriterion) {

	public MilestoneUpdate(String title, String owner, LocalDate due) {
		this(title, owner, null, due, null);
	}

}
