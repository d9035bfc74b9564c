package io.riskdesk.progress;

import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A progress update as the API and the panel post it. */
public record NewProgressUpdate(@NotBlank @Text(max = Text.NOTE) String text, @NotNull Health health) {
}
