package io.riskdesk.plan;

import java.time.LocalDate;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.Pattern;

/**
 * A partial change of a milestone: absent (null) fields stay as they are; the others follow the
 * rules of {@link NewMilestone}.
 */
public record MilestoneUpdate(
		@Text(max = Text.TITLE) @Pattern(regexp = "(?s).*\\S.*", message = "is required") String title,
		@Text(max = Text.NAME) @Pattern(regexp = "(?s).*\\S.*", message = "is required") String owner,
		@SaneDate LocalDate due) {
}
