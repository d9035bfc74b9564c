package io.riskdesk.risk;

import java.time.LocalDate;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;

/** Something someone agreed to do, recorded on the timeline. */
public record ActionItem(@NotBlank @Text(max = Text.NAME) String owner, @NotBlank @Text(max = Text.LINE) String task,
		@SaneDate LocalDate due) {
}
