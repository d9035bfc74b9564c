package io.riskdesk.plan;

import java.time.LocalDate;

import io.riskdesk.core.SaneDate;
import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record NewMilestone(@NotBlank @Text(max = Text.TITLE) String title, @NotBlank @Text(max = Text.NAME) String owner,
		@NotNull @SaneDate LocalDate due) {
}
