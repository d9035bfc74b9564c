package io.riskdesk.plan;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

public record NewMilestone(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 200) String owner,
		@NotNull LocalDate due) {
}
