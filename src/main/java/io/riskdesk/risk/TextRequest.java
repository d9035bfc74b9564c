package io.riskdesk.risk;

import io.riskdesk.core.Text;
import jakarta.validation.constraints.NotBlank;

/** The body of a decision, a blocker, or a blocker's resolution. */
public record TextRequest(@NotBlank @Text(max = Text.NOTE) String text) {
}
