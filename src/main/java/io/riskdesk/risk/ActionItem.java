package io.riskdesk.risk;

import java.time.LocalDate;

import io.riskdesk.web.SaneDate;
import io.riskdesk.web.Text;
import jakarta.validation.constraints.NotBlank;

/** Something someone agreed to do, recorded on the timeline. */
public record ActionItem(@NotBlank @Text(max = Text.NAME) String owner, @NotBlank @Text(max = Text.LINE) String task,
		@SaneDate LocalDate due) {
}
