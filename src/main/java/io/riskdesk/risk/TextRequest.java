package io.riskdesk.risk;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of a decision, a blocker, or a blocker's resolution. */
public record TextRequest(@NotBlank @Size(max = 5000) String text) {
}
