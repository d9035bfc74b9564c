package io.riskdesk.plan;

import java.time.LocalDate;

import io.riskdesk.web.SaneDate;
import io.riskdesk.web.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

public record NewMilestone(@NotBlank @Text(max = Text.TITLE) String title, @NotBlank @Text(max = Text.NAME) String owner,
		@NotNull @SaneDate LocalDate due) {
}
