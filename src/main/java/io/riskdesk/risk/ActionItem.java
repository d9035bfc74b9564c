package io.riskdesk.risk;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Something someone agreed to do, recorded on the timeline. */
public record ActionItem(@NotBlank @Size(max = 200) String owner, @NotBlank @Size(max = 2000) String task,
		LocalDate due) {
}
